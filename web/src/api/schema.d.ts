/* Generated from /api/openapi.json by scripts/web-api-types.ts (npm run web:types). Do not edit. */
export interface paths {
    "/api/tenancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List saker (lesemodellen) */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                    phase?: "application" | "allocation" | "lease" | "follow_up" | "private_rental" | "closed";
                    limit?: number;
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Saker sortert etter neste frist, én side */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                caseId: string;
                                municipality: string;
                                phase: string;
                                status: string;
                                applicantName: string;
                                housingOfficerId: string | null;
                                followUpWorkerId: string | null;
                                nextDeadline: string | null;
                                closedReason: string | null;
                                stateVersion: number;
                                updatedAt: string;
                                /** @description Forsiktighet: trusler eller våpen er meldt i saken */
                                caution: boolean;
                            }[];
                            /** @description Finnes når det er flere rader: send den som «after» for neste side */
                            next?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Registrer en søknad om kommunal bolig (starter saken) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        municipality: string;
                        applicant: {
                            name: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            birthDate?: string;
                            phone?: string;
                            /** Format: email */
                            email?: string;
                        };
                        /** @default [] */
                        householdMembers?: {
                            name: string;
                            /** @enum {string} */
                            relation: "partner" | "child" | "other";
                            birthYear?: number;
                        }[];
                        currentHousing: string;
                        /** @default norsk */
                        language?: string;
                        /** @default false */
                        needsInterpreter?: boolean;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        receivedDate?: string;
                        housingOfficerId?: string;
                    };
                };
            };
            responses: {
                /** @description Samme innsending igjen: den samme saken */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            workflowId: string;
                            /** @enum {string} */
                            status: "started" | "existing" | "pending";
                            message: string;
                        };
                    };
                };
                /** @description Saken er opprettet */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            workflowId: string;
                            /** @enum {string} */
                            status: "started" | "existing" | "pending";
                            message: string;
                        };
                    };
                };
                /** @description Lagret; saken startes når systemet svarer */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            workflowId: string;
                            /** @enum {string} */
                            status: "started" | "existing" | "pending";
                            message: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Idempotensnøkkelen er brukt for et annet skjema */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hent en sak: lesemodell, arbeidsflytens tilstand og tidslinje */
        get: {
            parameters: {
                query?: {
                    source?: "read_model" | "workflow";
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Saken */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                caseId: string;
                                municipality: string;
                                phase: string;
                                status: string;
                                applicantName: string;
                                housingOfficerId: string | null;
                                followUpWorkerId: string | null;
                                nextDeadline: string | null;
                                closedReason: string | null;
                                stateVersion: number;
                                updatedAt: string;
                                /** @description Forsiktighet: trusler eller våpen er meldt i saken */
                                caution: boolean;
                            };
                            /** @description Sakens tilstand slik arbeidsflyten sist skrev den (null hvis den ikke er skrevet ennå og arbeidsflyten ikke svarer) */
                            live: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            source: "read_model" | "workflow";
                            liveError?: string;
                            /** @description Kartleggingen, samtykke eller hjemmel, betalingsmåte og fullmakt (null før arbeidsflyten har skrevet saken) */
                            arrangements: {
                                interview: {
                                    date: string;
                                    interviewerId: string;
                                    /** @description Antall kartleggingssamtaler; dette er den siste */
                                    count: number;
                                    hasPropertyOrCapital: boolean;
                                    couldRentPrivatelyWithSupport: boolean;
                                    couldBuyWithStartUpLoan: boolean;
                                    couldGetHousingAllowanceOrGrant: boolean | null;
                                    hasDebtOrPaymentRemarks: boolean | null;
                                    roomsNeeded: number;
                                    childrenInHousehold: number;
                                    ableToLiveIndependently: boolean;
                                    needsHousingGuidance: boolean;
                                    rentPaymentArrangement: boolean;
                                    needsAccessibleDwelling: boolean | null;
                                    monthlyIncomeOre: number | null;
                                    preferredLocations: string[];
                                    locationsToAvoid: string[];
                                    notes: string | null;
                                } | null;
                                consent: {
                                    /** @enum {string} */
                                    status: "given" | "withdrawn";
                                    inForce: boolean;
                                    scope: ("housing_office" | "follow_up_service" | "nav" | "health_services" | "committee")[];
                                    date: string;
                                    validUntil: string | null;
                                    withdrawnDate: string | null;
                                    recordedBy: string;
                                } | null;
                                legalBasis: {
                                    basis: string;
                                    date: string;
                                    recordedBy: string;
                                } | null;
                                /** @description Hvorfor boligutvalget kan se saken (samtykke eller hjemmel), eller null: da ser utvalget den ikke */
                                committeeBasis: string | null;
                                payment: {
                                    /** @enum {string} */
                                    method: "avtalegiro" | "efaktura" | "online_bank" | "nav_direct" | "wage_deduction";
                                    date: string;
                                    recordedBy: string;
                                    authorisation: {
                                        /** @enum {string} */
                                        grantedTo: "nav" | "employer";
                                        signedDate: string;
                                        validUntil: string | null;
                                        withdrawnDate: string | null;
                                    } | null;
                                } | null;
                            } | null;
                            timeline: {
                                at: string;
                                kind: string;
                                actorId: string | null;
                                summary: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke saken */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Utfør en saksbehandlingshandling (kartlegging, vedtak, ...) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "offerDwelling";
                        dwellingId: string;
                    } | {
                        /** @constant */
                        type: "createAgreement";
                        terms: {
                            followUpWorkerId: string;
                            housingOfficerId?: string;
                            /** @default [] */
                            optionalRows?: ("untidy_home" | "locked_door" | "locked_door_co_located" | "drug_use" | "intoxicated_visitors" | "threats_or_weapons" | "burglary_or_damage" | "missing_rent" | "neighbour_complaints" | "declines_follow_up")[];
                            visitFrequency: {
                                times: number;
                                /** @enum {string} */
                                per: "week" | "month";
                                every?: number;
                            };
                            lockedDoorWaitMinutes: number;
                            /** @default 2 */
                            deviationWeeks?: number;
                            reason?: string;
                        };
                    } | {
                        /** @constant */
                        type: "recordInterview";
                        interview: {
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            date: string;
                            hasPropertyOrCapital: boolean;
                            couldRentPrivatelyWithSupport: boolean;
                            couldBuyWithStartUpLoan: boolean;
                            roomsNeeded: number;
                            childrenInHousehold: number;
                            ableToLiveIndependently: boolean;
                            needsHousingGuidance: boolean;
                            rentPaymentArrangement: boolean;
                            needsAccessibleDwelling?: boolean;
                            monthlyIncomeOre?: number;
                            couldGetHousingAllowanceOrGrant?: boolean;
                            hasDebtOrPaymentRemarks?: boolean;
                            preferredLocations?: string[];
                            locationsToAvoid?: string[];
                            notes?: string;
                        };
                    } | {
                        /** @constant */
                        type: "withdrawApplication";
                        reason: string;
                    } | {
                        /** @constant */
                        type: "referElsewhere";
                        /** @enum {string} */
                        outcome: "private_market" | "start_up_loan";
                        note: string;
                    } | {
                        /** @constant */
                        type: "recordDecision";
                        /** @enum {string} */
                        outcome: "approved" | "rejected";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        reference?: string;
                        note?: string;
                        reasons?: string;
                        legalBasis?: string;
                    } | {
                        /** @constant */
                        type: "answerOffer";
                        accepted: boolean;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        reason?: string;
                        monthlyRentOre?: number;
                    } | {
                        /** @constant */
                        type: "signLease";
                        lease: {
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            startDate: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            endDate?: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            signedDate: string;
                            depositOre?: number;
                            shorterTermReason?: string;
                        };
                    } | {
                        /** @constant */
                        type: "reviewHouseRules";
                        language: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        reviewedDate: string;
                    } | {
                        /** @constant */
                        type: "confirmChecklistItems";
                        itemIds: string[];
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "signChecklist";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        signedDate: string;
                    } | {
                        /** @constant */
                        type: "recordHousingAllowance";
                        /** @enum {string} */
                        status: "applied" | "granted" | "rejected" | "not_applicable";
                        assignmentDeclarationSigned: boolean;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        monthlyAllowanceOre?: number;
                        fromPeriod?: string;
                    } | {
                        /** @constant */
                        type: "signAgreement";
                        /** @enum {string} */
                        party: "tenant" | "follow_up_worker" | "housing_officer";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "declareNoFollowUp";
                        reason: string;
                    } | {
                        /** @constant */
                        type: "recordMoveIn";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        moveInDate: string;
                    } | {
                        /** @constant */
                        type: "recordVisit";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        outcome: "completed" | "locked_door" | "cancelled";
                        note?: string;
                    } | {
                        /** @constant */
                        type: "requestEvaluation";
                        reason: string;
                    } | {
                        /** @constant */
                        type: "recordEvaluation";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        outcome: "kept" | "revised";
                        note?: string;
                    } | {
                        /** @constant */
                        type: "decideRenewal";
                        /** @enum {string} */
                        decision: "renew" | "ownership" | "end";
                        reason?: string;
                        newLease?: {
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            startDate?: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            endDate?: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            signedDate: string;
                            depositOre?: number;
                            shorterTermReason?: string;
                        };
                    } | {
                        /** @constant */
                        type: "recordOwnershipDialogue";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        outcome: "not_now" | "apply_start_up_loan";
                        note?: string;
                    } | {
                        /** @constant */
                        type: "declineFollowUp";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        note?: string;
                        reasons?: string;
                    } | {
                        /** @constant */
                        type: "endFollowUp";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        reasons: string;
                    } | {
                        /** @constant */
                        type: "giveNotice";
                        /** @enum {string} */
                        givenBy: "tenant" | "landlord";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        noticeDate: string;
                        reason: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        moveOutDate?: string;
                    } | {
                        /** @constant */
                        type: "recordMoveOutInspection";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        damagesOre: number;
                        notes?: string;
                    } | {
                        /** @constant */
                        type: "completeTask";
                        taskId: string;
                        note: string;
                    } | {
                        /** @constant */
                        type: "settleDeposit";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        depositReturnedOre: number;
                        damagesChargedOre: number;
                    } | {
                        /** @constant */
                        type: "agreePaymentPlan";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        agreedDate: string;
                        instalments: {
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            dueDate: string;
                            amountOre: number;
                        }[];
                        note?: string;
                    } | {
                        /** @constant */
                        type: "recordNavNoticeRefusal";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        note?: string;
                    } | {
                        /** @constant */
                        type: "recordCommitteeDecision";
                        /** @enum {string} */
                        outcome: "approve_eviction_request" | "reject_eviction_request";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        meetingId?: string;
                        note?: string;
                    } | {
                        /** @constant */
                        type: "fileEvictionRequest";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        note?: string;
                    } | {
                        /** @constant */
                        type: "withdrawAssignmentDeclaration";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "recordWarningLetterPosted";
                        letterId: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        sentDate: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        receiptDate: string;
                    } | {
                        /** @constant */
                        type: "applyCommitteeDecision";
                        meetingId: string;
                        itemId: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        text: string;
                        responsible?: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        deadline?: string;
                        effect: {
                            /** @constant */
                            kind: "approve_eviction_request";
                        } | {
                            /** @constant */
                            kind: "reject_eviction_request";
                        } | {
                            /** @constant */
                            kind: "call_three_party_meeting";
                        } | {
                            /** @constant */
                            kind: "start_up_loan_assessment";
                        } | {
                            /** @constant */
                            kind: "note";
                        } | {
                            /** @constant */
                            kind: "refer_private_rental";
                        } | {
                            /** @constant */
                            kind: "return_to_municipal_process";
                        } | {
                            /** @constant */
                            kind: "allocate_dwelling";
                            dwelling: {
                                id: string;
                                address: string;
                                sizeSqm: number;
                                rooms: number;
                                floor: number;
                                accessible: boolean;
                                coLocated: boolean;
                                monthlyRentOre: number;
                                location?: string;
                                /** @enum {string} */
                                ownership?: "municipal" | "housing_cooperative" | "section";
                            };
                        };
                    } | {
                        /** @constant */
                        type: "recordConsent";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        scope: ("housing_office" | "follow_up_service" | "nav" | "health_services" | "committee")[];
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        validUntil?: string;
                    } | {
                        /** @constant */
                        type: "withdrawConsent";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "recordLegalBasis";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        basis: string;
                    } | {
                        /** @constant */
                        type: "recordPaymentArrangement";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        method: "avtalegiro" | "efaktura" | "online_bank" | "nav_direct" | "wage_deduction";
                        authorisation?: {
                            /** @enum {string} */
                            grantedTo: "nav" | "employer";
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            signedDate: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            validUntil?: string;
                        };
                    } | {
                        /** @constant */
                        type: "withdrawPaymentAuthorisation";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "registerAppeal";
                        decisionId: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        receivedDate: string;
                        note?: string;
                    } | {
                        /** @constant */
                        type: "decideAppeal";
                        decisionId: string;
                        /** @enum {string} */
                        stage: "review" | "appeal_body";
                        /** @enum {string} */
                        outcome: "reversed" | "forwarded" | "upheld";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        reasons: string;
                    };
                };
            };
            responses: {
                /** @description Handlingen er utført */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            type: string;
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Handlingen passer ikke med der saken står nå, eller saken er avsluttet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Idempotensnøkkelen er brukt for en annen handling */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/private-rental": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hjelp til å leie privat: sakens nåværende tilstand og tidligere henvisninger */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Henvisningene (eldste først) og tilstanden i den siste */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            referrals: {
                                workflowId: string;
                                phase: string;
                                status: string;
                                outcome: string | null;
                                referredDate: string;
                                moveInDate: string | null;
                                nextDeadline: string | null;
                            }[];
                            current: {
                                [key: string]: unknown;
                            } | null;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/private-rental/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Utfør en handling i hjelp til å leie privat (kartlegging, visning, kontroll av leieavtale, garanti, ...) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "recordMapping";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        challenges: ("economy" | "rent_arrears_before" | "evicted_before" | "substance_use" | "mental_health" | "no_references" | "large_household" | "other")[];
                        followUpNeeded: boolean;
                        /** @constant */
                        supportExplained: true;
                        ownResponsibilities: string;
                    } | {
                        /** @constant */
                        type: "holdPlanningMeeting";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        participants: ("applicant" | "caseworker" | "procuring_unit" | "drug_counsellor" | "responsibility_group" | "support_person" | "next_of_kin" | "other")[];
                        plan: {
                            searchers: ("applicant" | "procuring_unit" | "support_person")[];
                            maxMonthlyRentOre: number;
                            area: string;
                            minRooms: number;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            deadline: string;
                        };
                    } | {
                        /** @constant */
                        type: "agreeSafetyPlan";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        measures: {
                            measure: string;
                            /** @enum {string} */
                            responsible: "housing_officer" | "follow_up_worker" | "nav" | "tenant";
                        }[];
                        contactEveryWeeks: number;
                        followUpWorkerId?: string;
                    } | {
                        /** @constant */
                        type: "addCandidate";
                        /** @enum {string} */
                        source: "ad" | "partner_landlord" | "other";
                        landlordName: string;
                        address: string;
                        monthlyRentOre: number;
                        sizeSqm: number;
                        rooms: number;
                    } | {
                        /** @constant */
                        type: "recordViewing";
                        candidate: number;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        attendees: ("applicant" | "caseworker" | "procuring_unit" | "drug_counsellor" | "responsibility_group" | "support_person" | "next_of_kin" | "other")[];
                        /** @enum {string} */
                        outcome: "interested" | "not_suitable" | "declined_by_landlord" | "declined_by_applicant";
                    } | {
                        /** @constant */
                        type: "logLandlordContact";
                        candidate: number;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        channel: "phone" | "email" | "meeting";
                    } | {
                        /** @constant */
                        type: "revisePlan";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        deadline: string;
                        maxMonthlyRentOre?: number;
                        area?: string;
                        reason: string;
                    } | {
                        /** @constant */
                        type: "chooseDwelling";
                        candidate: number;
                    } | {
                        /** @constant */
                        type: "recordRentalApproval";
                        approved: boolean;
                        /** @enum {string} */
                        source: "property_register" | "municipal_scheme";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "checkLease";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        lease: {
                            standardLease: ("leieboerforeningen" | "forbrukerradet" | "huseiernes_landsforbund") | null;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            startDate: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            endDate?: string;
                            shorterTermReason?: {
                                /** @enum {string} */
                                basis: "landlord_own_use" | "section_11_1";
                                explanation: string;
                            };
                            monthlyRentOre: number;
                            depositOre: number;
                            depositOnBlockedAccountInTenantsName: boolean;
                            terminationAsTheLaw: boolean;
                            maintenanceReasonable: boolean;
                            moveOutConditionReasonable: boolean;
                            landlordsOwnHome: boolean;
                        };
                    } | {
                        /** @constant */
                        type: "recordSecurity";
                        security: {
                            /** @constant */
                            kind: "deposit";
                            /** @enum {string} */
                            source: "tenant" | "nav_loan" | "nav_grant";
                            amountOre: number;
                            decision?: {
                                reference: string;
                                /**
                                 * Format: date
                                 * @example 2026-11-23
                                 */
                                date: string;
                                amountOre: number;
                            };
                        } | {
                            /** @constant */
                            kind: "guarantee";
                            /** @enum {string} */
                            issuer: "nav" | "municipality";
                            reference: string;
                            amountOre: number;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            validFrom: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            validUntil?: string;
                            claimDeadlineMonths: number;
                        };
                    } | {
                        /** @constant */
                        type: "signSafetyAgreement";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        landlordCalls: "housing_officer" | "follow_up_worker" | "housing_office";
                        municipalityDoes: string[];
                        landlordContactAgreed: boolean;
                    } | {
                        /** @constant */
                        type: "abandonDwelling";
                        reason: string;
                    } | {
                        /** @constant */
                        type: "recordLeaseSigned";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "recordTakeover";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        conditionNoted: boolean;
                        meterReadings: {
                            meter: string;
                            reading: number;
                        }[];
                        keys: number;
                        contentsInsurance: boolean;
                        addressChanged: boolean;
                        housingAllowanceApplied: boolean;
                        /** @enum {string} */
                        rentPayment: "standing_order" | "nav_pays_landlord" | "manual";
                    } | {
                        /** @constant */
                        type: "recordMoveIn";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                    } | {
                        /** @constant */
                        type: "recordContact";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        /** @enum {string} */
                        with: "tenant" | "landlord";
                        /** @enum {string} */
                        channel: "visit" | "phone" | "meeting";
                    } | {
                        /** @constant */
                        type: "recordTermination";
                        /** @enum {string} */
                        by: "tenant" | "landlord" | "eviction";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        noticeDate: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        moveOutDate: string;
                        landlordNotice?: {
                            written: boolean;
                            reasonGiven: boolean;
                            statesObjectionRight: boolean;
                        };
                    } | {
                        /** @constant */
                        type: "recordMoveOut";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        keysReturned: boolean;
                        damages: {
                            what: string;
                            estimatedOre: number;
                        }[];
                    } | {
                        /** @constant */
                        type: "registerGuaranteeClaim";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        receivedDate: string;
                        items: {
                            /** @enum {string} */
                            kind: "rent_arrears" | "damage" | "cleaning" | "other";
                            amountOre: number;
                        }[];
                    } | {
                        /** @constant */
                        type: "decideGuaranteeClaim";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        items: {
                            approvedOre: number;
                            reason?: string;
                        }[];
                    } | {
                        /** @constant */
                        type: "settleDeposit";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        releasedToTenantOre: number;
                        paidToLandlordOre: number;
                        reason?: string;
                    } | {
                        /** @constant */
                        type: "closePrivateRental";
                        /** @enum {string} */
                        outcome: "new_private_lease" | "own_home" | "municipal_dwelling" | "other";
                        note?: string;
                    } | {
                        /** @constant */
                        type: "returnToMunicipalProcess";
                        reason: string;
                    } | {
                        /** @constant */
                        type: "completeTask";
                        taskId: string;
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Handlingen er utført */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            type: string;
                            version: number;
                            message: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Handlingen passer ikke med der saken står nå, eller saken følges ikke i denne prosessen */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Idempotensnøkkelen er brukt for en annen handling */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/private-rental/landlord-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Meld et problem fra utleier (skjema for utleiere, telefon, e-post) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        receivedDate: string;
                        /** @enum {string} */
                        category: "rent_unpaid" | "noise" | "damage" | "untidy" | "other";
                        description: string;
                        /** @enum {string} */
                        channel: "landlord_form" | "phone" | "email";
                    };
                };
            };
            responses: {
                /** @description Samme innsending igjen: allerede registrert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Meldingen er registrert i saken */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lagret; registreres når saken kan ta imot den (etter innflytting) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Saken følges ikke i prosessen for hjelp til å leie privat */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innsendings-IDen er brukt for et annet skjema */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/private-rental/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tall for hjelp til å leie privat: husstander hjulpet, tid fra kartlegging til innflytting, garantier og depositum */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tall uten personopplysninger */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            referrals: number;
                            active: number;
                            closedByOutcome: {
                                [key: string]: number;
                            };
                            householdsHelped: number;
                            daysMappingToMoveIn: {
                                count: number;
                                median: number | null;
                                average: number | null;
                            };
                            guarantees: {
                                issued: {
                                    count: number;
                                    amountOre: number;
                                };
                                claimed: {
                                    count: number;
                                    amountOre: number;
                                };
                                paid: {
                                    count: number;
                                    amountOre: number;
                                };
                            };
                            deposits: {
                                tenant: number;
                                nav_loan: number;
                                nav_grant: number;
                            };
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Åpne oppgaver: mine, eller for en rolle i kommunen */
        get: {
            parameters: {
                query?: {
                    assignee?: string;
                    role?: "housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "nav" | "tenant" | "intake" | "data_protection_officer" | "admin";
                    overdue?: "true" | "false";
                    limit?: number;
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oppgaver sortert etter frist, én side */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: {
                                caseId: string;
                                taskId: string;
                                kind: string;
                                title: string;
                                role: string;
                                assigneeId: string | null;
                                dueDate: string;
                                overdue: boolean;
                                applicantName: string;
                                caution: boolean;
                            }[];
                            /** @description Finnes når det er flere rader: send den som «after» for neste side */
                            next?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dwellings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List boligene i kommunens boligregister */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Boliger */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dwellings: {
                                id: string;
                                address: string;
                                sizeSqm: number;
                                rooms: number;
                                floor: number;
                                accessible: boolean;
                                coLocated: boolean;
                                monthlyRentOre: number;
                                location?: string;
                                /** @enum {string} */
                                ownership?: "municipal" | "housing_cooperative" | "section";
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Legg til eller oppdater en bolig i boligregisteret */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        address: string;
                        sizeSqm: number;
                        rooms: number;
                        floor: number;
                        accessible: boolean;
                        coLocated: boolean;
                        monthlyRentOre: number;
                        location?: string;
                        /** @enum {string} */
                        ownership?: "municipal" | "housing_cooperative" | "section";
                        municipality: string;
                    };
                };
            };
            responses: {
                /** @description Boligen er lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            address: string;
                            sizeSqm: number;
                            rooms: number;
                            floor: number;
                            accessible: boolean;
                            coLocated: boolean;
                            monthlyRentOre: number;
                            location?: string;
                            /** @enum {string} */
                            ownership?: "municipal" | "housing_cooperative" | "section";
                            municipality: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tall for kommunen: saker per fase og avsluttede saker per årsak */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tall */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byPhase: {
                                key: string | null;
                                cases: number;
                            }[];
                            closedByReason: {
                                key: string | null;
                                cases: number;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kommunens regler for nye saker (frister, leietid, egne punkter på sjekklisten) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reglene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            overrides: {
                                leaseYears?: number;
                                renewalNoticeMonths?: number;
                                ownershipDialogueMonths?: number;
                                interviewWithinWeeks?: number;
                                decisionWithinWeeks?: number;
                                offerAnswerDays?: number;
                                moveInTasksWithinWeeks?: number;
                                missedVisitFollowUpBusinessDays?: number;
                                maxRentShareOfIncome?: number;
                                complaintsBeforeEscalation?: number;
                                complaintWindowDays?: number;
                                privateRentalClaimToCommitteeOre?: number;
                                extraChecklistItems?: {
                                    id: string;
                                    label: string;
                                }[];
                            };
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Endre kommunens regler; gjelder saker som starter etter endringen */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        leaseYears?: number;
                        renewalNoticeMonths?: number;
                        ownershipDialogueMonths?: number;
                        interviewWithinWeeks?: number;
                        decisionWithinWeeks?: number;
                        offerAnswerDays?: number;
                        moveInTasksWithinWeeks?: number;
                        missedVisitFollowUpBusinessDays?: number;
                        maxRentShareOfIncome?: number;
                        complaintsBeforeEscalation?: number;
                        complaintWindowDays?: number;
                        privateRentalClaimToCommitteeOre?: number;
                        extraChecklistItems?: {
                            id: string;
                            label: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            overrides: {
                                leaseYears?: number;
                                renewalNoticeMonths?: number;
                                ownershipDialogueMonths?: number;
                                interviewWithinWeeks?: number;
                                decisionWithinWeeks?: number;
                                offerAnswerDays?: number;
                                moveInTasksWithinWeeks?: number;
                                missedVisitFollowUpBusinessDays?: number;
                                maxRentShareOfIncome?: number;
                                complaintsBeforeEscalation?: number;
                                complaintWindowDays?: number;
                                privateRentalClaimToCommitteeOre?: number;
                                extraChecklistItems?: {
                                    id: string;
                                    label: string;
                                }[];
                            };
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sett e-postadresser (felles postkasser) som varsler til hver rolle går til */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        housing_office?: string;
                        /** Format: email */
                        follow_up_worker?: string;
                        /** Format: email */
                        housing_officer?: string;
                        /** Format: email */
                        department_head?: string;
                        /** Format: email */
                        administrative_officer?: string;
                        /** Format: email */
                        committee_member?: string;
                        /** Format: email */
                        nav?: string;
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: email */
                            housing_office?: string;
                            /** Format: email */
                            follow_up_worker?: string;
                            /** Format: email */
                            housing_officer?: string;
                            /** Format: email */
                            department_head?: string;
                            /** Format: email */
                            administrative_officer?: string;
                            /** Format: email */
                            committee_member?: string;
                            /** Format: email */
                            nav?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/agreement-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gjeldende mal for oppfølgingsavtale */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Malen */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            rows: {
                                /** @enum {string} */
                                key: "untidy_home" | "locked_door" | "locked_door_co_located" | "drug_use" | "intoxicated_visitors" | "threats_or_weapons" | "burglary_or_damage" | "missing_rent" | "neighbour_complaints" | "declines_follow_up";
                                situation: string;
                                optional: boolean;
                                measures: {
                                    text: string;
                                    responsible: ("housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "nav" | "tenant" | "intake" | "data_protection_officer" | "admin")[];
                                    assessment?: boolean;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Publiser en ny versjon av malen (løpende avtaler endres ikke før de revideres) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            /** @enum {string} */
                            key: "untidy_home" | "locked_door" | "locked_door_co_located" | "drug_use" | "intoxicated_visitors" | "threats_or_weapons" | "burglary_or_damage" | "missing_rent" | "neighbour_complaints" | "declines_follow_up";
                            situation: string;
                            optional: boolean;
                            measures: {
                                text: string;
                                responsible: ("housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "nav" | "tenant" | "intake" | "data_protection_officer" | "admin")[];
                                assessment?: boolean;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Ny versjon publisert */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            rows: {
                                /** @enum {string} */
                                key: "untidy_home" | "locked_door" | "locked_door_co_located" | "drug_use" | "intoxicated_visitors" | "threats_or_weapons" | "burglary_or_damage" | "missing_rent" | "neighbour_complaints" | "declines_follow_up";
                                situation: string;
                                optional: boolean;
                                measures: {
                                    text: string;
                                    responsible: ("housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "nav" | "tenant" | "intake" | "data_protection_officer" | "admin")[];
                                    assessment?: boolean;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rent/payment-files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Les inn en innbetalingsfil fra økonomisystemet (CSV). Samme fil to ganger endrer ingenting; en feil linje avviser hele filen. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        filename: string;
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Filen er lest inn (eller var lest inn før) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Filen har feil og er ikke lest inn; hver feil har linjenummer */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rent/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registrer én innbetaling fra økonomisystemet (idempotent på transaksjons-ID) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        transactionId: string;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        amountOre: number;
                        kid?: string;
                        caseId?: string;
                        /**
                         * @default payment
                         * @enum {string}
                         */
                        type?: "payment" | "housing_allowance";
                        period?: string;
                    };
                };
            };
            responses: {
                /** @description Ført (eller ført fra før) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke leieforholdet */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/rent/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kreditering eller avskrivning på husleiekontoen (med begrunnelse) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "credit" | "write_off";
                        amountOre: number;
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        period?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Ført (eller ført fra før) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Idempotensnøkkelen er brukt for en annen føring */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/rent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Husleiekonto for saken: poster, saldo, restansealder, månedlige avregninger og hvor saken står på stigen */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Husleiekontoen */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rent/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tall for driften: samlet restanse, saker per trinn, restansealder, betalingsordninger, tid til første kontakt */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                    asOf?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tallene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/rent-ladder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gjeldende restansestige (trinn og frister) for nye saker */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stigen */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Publiser en ny versjon av restansestigen; saker som allerede er startet beholder sin versjon */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        dueDay?: number;
                        /** @default 5 */
                        graceDays?: number;
                        steps: {
                            key: string;
                            label: string;
                            fromDay?: number;
                            moreThanMonthsOfRent?: number;
                            afterWarningWait?: boolean;
                            actions: ("remind_tenant" | "inform_follow_up" | "three_party_meeting" | "nav_contact" | "warning_4_18" | "nav_notice_9_11" | "committee_decision")[];
                        }[];
                        paymentPlan: {
                            /** @default 3 */
                            toleranceDays?: number;
                            onBreak: string;
                        };
                        /**
                         * @default {
                         *       "waitDays": 14,
                         *       "receiptDays": 3,
                         *       "navWaitDays": 14
                         *     }
                         */
                        warning?: {
                            /** @default 14 */
                            waitDays?: number;
                            /** @default 3 */
                            receiptDays?: number;
                            /** @default 14 */
                            navWaitDays?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Publisert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rent/unmatched-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Arbeidsliste: innbetalinger fra bankfiler og CSV som ikke fant noe leieforhold, og som ikke er koblet til en sak ennå */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Arbeidslisten */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rent/unmatched-payments/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Koble en innbetaling fra arbeidslisten til en sak for hånd (føres på saken, revisjonslogges; idempotent på Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        importId: number;
                        transactionId: string;
                        caseId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Ført (eller ført fra før med samme nøkkel) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innbetalingen eller saken finnes ikke (for deg) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Kan ikke kobles: allerede koblet eller ført, en tilbakeføring, saken har ingen husleiekonto, eller nøkkelen er brukt for noe annet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hendelsene i en sak, med åpne tiltak */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hendelser */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                incidentId: string;
                                situation: string;
                                status: string;
                                agreementVersion: number | null;
                                escalations: number;
                                reportedAt: string;
                                openTasks: {
                                    id: string;
                                    title: string;
                                    role: string;
                                    dueDate: string;
                                    assessment: boolean;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Meld en hendelse (skjema i oppfølgerappen, naboklage, telefon) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        situation: "untidy_home" | "locked_door" | "locked_door_co_located" | "drug_use" | "intoxicated_visitors" | "threats_or_weapons" | "burglary_or_damage" | "missing_rent" | "neighbour_complaints" | "declines_follow_up";
                        description: string;
                        /** @enum {string} */
                        channel: "staff_app" | "neighbour_form" | "phone" | "housing_office";
                        /** Format: date-time */
                        occurredAt: string;
                        damage?: boolean;
                        othersStaying?: boolean;
                        complainant?: string;
                    };
                };
            };
            responses: {
                /** @description Samme innsending igjen: allerede registrert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Hendelsen er registrert og følges opp */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lagret; registreres når saken kan ta imot den */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Saken kan ikke ta imot hendelser */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/incidents/{incidentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Én hendelse i sin helhet: meldingen, stegene, tiltakene med vurderinger og notater, trepartssamtalene */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    incidentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hendelsen */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidentId: string;
                            caseId: string;
                            situation: string;
                            status: string;
                            agreementVersion: number | null;
                            agreementRow: {
                                key: string;
                                situation: string;
                                measures: string[];
                            } | null;
                            escalations: number;
                            report: {
                                description: string;
                                channel: string;
                                occurredAt: string;
                                damage: boolean | null;
                                othersStaying: boolean | null;
                                complainant: string | null;
                                reportedBy: string;
                                reportedAt: string;
                            };
                            steps: {
                                at: string;
                                byId: string;
                                text: string;
                            }[];
                            tasks: {
                                id: string;
                                title: string;
                                role: string;
                                assigneeId: string | null;
                                dueDate: string;
                                /** @enum {string} */
                                status: "open" | "done";
                                overdue: boolean;
                                assessment: boolean;
                                decision: ("yes" | "no") | null;
                                note: string | null;
                                doneAt: string | null;
                                doneBy: string | null;
                            }[];
                            meetings: {
                                taskId: string;
                                proposedTimes: string[];
                                participants: string[];
                                outcome: string | null;
                                note: string | null;
                            }[];
                            timers: {
                                id: string;
                                at: string;
                                fired: boolean;
                            }[];
                            revisionRequested: boolean;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke hendelsen i denne saken */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/incidents/{incidentId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registrer tiltak, vurdering, steg eller trepartssamtale i en hendelse */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                    incidentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        type: "completeMeasure";
                        taskId: string;
                        note: string;
                    } | {
                        /** @constant */
                        type: "recordAssessment";
                        taskId: string;
                        /** @enum {string} */
                        decision: "yes" | "no";
                        note: string;
                    } | {
                        /** @constant */
                        type: "recordStep";
                        text: string;
                    } | {
                        /** @constant */
                        type: "resolve";
                        note: string;
                    } | {
                        /** @constant */
                        type: "proposeMeeting";
                        taskId: string;
                        proposedTimes: string[];
                        participants: ("tenant" | "follow_up_worker" | "housing_service" | "nav")[];
                    } | {
                        /** @constant */
                        type: "recordMeetingOutcome";
                        taskId: string;
                        /** @enum {string} */
                        outcome: "kept" | "revised" | "other_measures";
                        note: string;
                    } | {
                        /** @constant */
                        type: "withdraw";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Registrert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke hendelsen i denne saken */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Passer ikke med der hendelsen står, eller hendelsen er avsluttet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Idempotensnøkkelen er brukt for en annen handling */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List kommunens boligutvalg */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Boligutvalg */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            committees: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Opprett et boligutvalg med møtesyklus (og medlemmer); starter utvalgets arbeidsflyt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        municipality: string;
                        name: string;
                        cycle: {
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            firstDate: string;
                            time: string;
                            /** @default 14 */
                            intervalDays?: number;
                            /** @default 90 */
                            durationMinutes?: number;
                            location: string;
                        };
                        /** @default 3 */
                        reminderDaysBefore?: number;
                        /** @default 2 */
                        agendaCutoffDays?: number;
                        members?: {
                            id: string;
                            name: string;
                            /** Format: email */
                            email: string;
                            agency: string;
                            /** @enum {string} */
                            role: "chair" | "secretary" | "member";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Boligutvalget er opprettet */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            committee: {
                                [key: string]: unknown;
                            };
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                agency: string;
                                /** @enum {string} */
                                role: "chair" | "secretary" | "member";
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Det finnes allerede et boligutvalg med denne nøkkelen */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hent et boligutvalg: medlemmer, kommende møter og faste møtedatoer som faller på en helligdag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Boligutvalget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke boligutvalget */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Utvalgets medlemmer på et tidspunkt (asOf), med hele historikken */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Medlemmer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                agency: string;
                                /** @enum {string} */
                                role: "chair" | "secretary" | "member";
                            }[];
                            history: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Sett utvalgets medlemmer; endringer lukker gammel rad og lager ny, så historikken bevares */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        members: {
                            id: string;
                            name: string;
                            /** Format: email */
                            email: string;
                            agency: string;
                            /** @enum {string} */
                            role: "chair" | "secretary" | "member";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Medlemmene fra nå */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                agency: string;
                                /** @enum {string} */
                                role: "chair" | "secretary" | "member";
                            }[];
                            closed: number;
                            opened: number;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/occurrence-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Flytt eller avlys ett fast møte (syklusen står fast); medlemmene får oppdatert kalenderinvitasjon */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        regularDate: string;
                        /** @enum {string} */
                        action: "move" | "cancel";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date?: string;
                        time?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Endret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Endringen er ikke mulig nå */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/extra-meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kall inn til et ekstra møte */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        time: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Innkalt */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Møtet kan ikke kalles inn */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hent et møte: saksliste med begrunnelser, status, referat og beslutninger */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    committeeId: string;
                    meetingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Møtet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            date: string;
                            time: string;
                            status: string;
                            note?: string;
                            agenda: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke møtet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}/agenda-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sett en sak på sakslisten (sekretæren) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                    meetingId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        why: string;
                        caseId?: string;
                    };
                };
            };
            responses: {
                /** @description Satt på sakslisten */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sakslisten kan ikke endres */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}/agenda-items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Ta en sak av sakslisten (sekretæren) */
        delete: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                    meetingId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tatt av sakslisten */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sakslisten kan ikke endres */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Før referat: oppmøte og én beslutning per sak; beslutninger om en sak sendes til saken */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                    meetingId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attendance: {
                            memberId: string;
                            present: boolean;
                        }[];
                        decisions: {
                            itemId: string;
                            text: string;
                            responsibleMemberId?: string;
                            /**
                             * Format: date
                             * @example 2026-11-23
                             */
                            deadline?: string;
                            effect?: {
                                /** @constant */
                                kind: "approve_eviction_request";
                            } | {
                                /** @constant */
                                kind: "reject_eviction_request";
                            } | {
                                /** @constant */
                                kind: "call_three_party_meeting";
                            } | {
                                /** @constant */
                                kind: "start_up_loan_assessment";
                            } | {
                                /** @constant */
                                kind: "note";
                            } | {
                                /** @constant */
                                kind: "refer_private_rental";
                            } | {
                                /** @constant */
                                kind: "return_to_municipal_process";
                            } | {
                                /** @constant */
                                kind: "allocate_dwelling";
                                dwellingId: string;
                            };
                        }[];
                        approvedBy?: string;
                    };
                };
            };
            responses: {
                /** @description Referatet er ført */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Referat kan ikke føres nå */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}/decisions/{itemId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Meld en beslutning utført (den følges ikke lenger opp på neste saksliste) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    committeeId: string;
                    meetingId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Meldt utført */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            accepted: true;
                            message: string;
                            version: number;
                            meetingId?: string;
                            itemId?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Beslutningen finnes ikke eller er allerede utført */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/meetings/{meetingId}/minutes.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referatet som HTML-side (A4-utskrift: skriv ut eller lagre som PDF fra nettleseren) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    committeeId: string;
                    meetingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Referatet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke møtet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/co-located-units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Opprett eller endre et bofellesskap: boligene og hvem som jobber der */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        dwellingIds: string[];
                        /** @description Bruker-ID-ene til avdelingsleder og administrasjonskonsulent(er) som jobber her */
                        staffIds: string[];
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unitId: string;
                            name: string;
                            dwellingIds: string[];
                            staffIds: string[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description En av boligene hører til et annet bofellesskap */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description En av boligene finnes ikke i boligregisteret eller er ikke samlokalisert */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/co-located-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kommunens bofellesskap, med boliger og ansatte */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Bofellesskapene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            units: {
                                unitId: string;
                                name: string;
                                dwellingIds: string[];
                                staffIds: string[];
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Personvernombud: hvem har sett eller endret opplysningene i en sak, og hvem ble avvist */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: number;
                };
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Loggen for saken, nyeste først, og hvem som har sett den */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            seenBy: {
                                actorId: string;
                                actorRoles: string;
                                reads: number;
                                writes: number;
                                firstAt: string;
                                lastAt: string;
                            }[];
                            entries: {
                                id: number;
                                at: string;
                                actorId: string;
                                actorRoles: string;
                                /** @enum {string} */
                                action: "read" | "write" | "denied";
                                route: string;
                                outcome: number;
                                requestId: string | null;
                            }[];
                            nextBefore: number | null;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke saken */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Den innloggede: ID, navn, roller, kommune og CSRF-token for økten */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Den innloggede */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string | null;
                            roles: string[];
                            municipality: string;
                            authMethod: string;
                            csrfToken?: string;
                            sessionExpiresAt?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Navn på ansatte i egen kommune ut fra bruker-ID (saker lagrer ID-en fra innloggingen, og viser navnet) */
        get: {
            parameters: {
                query: {
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Navnene som er kjent (fra siste innlogging) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/group-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hvilke grupper i katalogen (Entra-gruppe-ID) som gir hvilke roller i kommunen */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Gruppetilknytningene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            mappings: {
                                groupId: string;
                                role: string;
                                updatedBy: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Erstatt kommunens gruppetilknytninger; gjelder fra brukerens neste innlogging */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mappings: {
                            groupId: string;
                            /** @enum {string} */
                            role: "housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "intake" | "data_protection_officer" | "admin";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            mappings: {
                                groupId: string;
                                role: string;
                                updatedBy: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/subject-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hvilke personer (ID fra innloggingen) som har hvilke roller i kommunen, for innlogging uten grupper (ID-porten) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description De personlige tilknytningene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            people: {
                                subject: string;
                                name: string;
                                roles: string[];
                                updatedBy: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Erstatt kommunens personlige rolletilknytninger (ID-porten); gjelder fra personens neste innlogging */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        people: {
                            subject: string;
                            name: string;
                            roles: ("housing_officer" | "follow_up_worker" | "housing_office" | "department_head" | "administrative_officer" | "committee_member" | "intake" | "data_protection_officer" | "admin")[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            people: {
                                subject: string;
                                name: string;
                                roles: string[];
                                updatedBy: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hvem som har hvilke roller (fra siste innlogging) og hvem som er innlogget nå */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ansatte og aktive økter */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: {
                                subject: string;
                                name: string;
                                roles: string[];
                                lastLoginAt: string;
                            }[];
                            activeSessions: {
                                subject: string;
                                roles: string[];
                                createdAt: string;
                                lastSeenAt: string;
                                expiresAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/staff/{subject}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Logg ut en ansatt overalt nå (for eksempel når en rolle er tatt bort); neste innlogging får rollene fra katalogen */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string | "*";
                    subject: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Øktene som ble avsluttet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hvem som har fått midlertidig tilgang til saken, til når, hvorfor, og hvor mange ganger den er brukt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Delegeringene */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delegations: {
                                id: number;
                                caseId: string;
                                granteeId: string;
                                granteeName: string | null;
                                grantedBy: string;
                                reason: string;
                                validUntil: string;
                                createdAt: string;
                                revokedAt: string | null;
                                uses: number;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Gi en kollega midlertidig tilgang til saken (fravær), med sluttdato og begrunnelse */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        granteeId: string;
                        validUntil: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Allerede gitt med samme nøkkel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            caseId: string;
                            granteeId: string;
                            granteeName: string | null;
                            grantedBy: string;
                            reason: string;
                            validUntil: string;
                            createdAt: string;
                            revokedAt: string | null;
                            uses: number;
                        };
                    };
                };
                /** @description Tilgangen er gitt */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            caseId: string;
                            granteeId: string;
                            granteeName: string | null;
                            grantedBy: string;
                            reason: string;
                            validUntil: string;
                            createdAt: string;
                            revokedAt: string | null;
                            uses: number;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/delegations/{delegationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Trekk tilbake en midlertidig tilgang */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    delegationId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Trukket tilbake */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            caseId: string;
                            granteeId: string;
                            granteeName: string | null;
                            grantedBy: string;
                            reason: string;
                            validUntil: string;
                            createdAt: string;
                            revokedAt: string | null;
                            uses: number;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sakens brev med status (i kø, sendt, mottatt, i retur) og datoen fristene regnes fra */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Eldste først */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letters: {
                                letterId: string;
                                caseId: string;
                                /** @enum {string} */
                                kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                                title: string;
                                /** @enum {string} */
                                channel: "email" | "post" | "registered_post";
                                /** @enum {string} */
                                status: "queued" | "sent" | "delivered" | "returned";
                                /** @enum {string} */
                                language: "nb" | "nn";
                                templateVersion: number;
                                date: string;
                                sentDate: string | null;
                                trackingNumber: string | null;
                                receiptDate: string | null;
                                deliveredDate: string | null;
                                returnedDate: string | null;
                                pdf: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Lag et brev fra kommunens mal, fylt ut fra saken, og legg det i kø for e-post eller utskrift */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                        /** @enum {string} */
                        channel: "email" | "post" | "registered_post";
                        fields: {
                            [key: string]: string | number;
                        };
                        /** Format: email */
                        recipientEmail?: string;
                    };
                };
            };
            responses: {
                /** @description Samme innsending som før: brevet som ble laget da */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letterId: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                            title: string;
                            /** @enum {string} */
                            channel: "email" | "post" | "registered_post";
                            /** @enum {string} */
                            status: "queued" | "sent" | "delivered" | "returned";
                            /** @enum {string} */
                            language: "nb" | "nn";
                            templateVersion: number;
                            date: string;
                            sentDate: string | null;
                            trackingNumber: string | null;
                            receiptDate: string | null;
                            deliveredDate: string | null;
                            returnedDate: string | null;
                            pdf: string;
                        };
                    };
                };
                /** @description Brevet er laget og ligger i kø */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letterId: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                            title: string;
                            /** @enum {string} */
                            channel: "email" | "post" | "registered_post";
                            /** @enum {string} */
                            status: "queued" | "sent" | "delivered" | "returned";
                            /** @enum {string} */
                            language: "nb" | "nn";
                            templateVersion: number;
                            date: string;
                            sentDate: string | null;
                            trackingNumber: string | null;
                            receiptDate: string | null;
                            deliveredDate: string | null;
                            returnedDate: string | null;
                            pdf: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Feltene passer ikke brevtypen, eller nøkkelen er brukt for noe annet */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/letters/{letterId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Brevet som PDF (bak innlogging) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseId: string;
                    letterId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/letters/{letterId}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registrer at brevet er postet (rekommandert: med sporingsnummer); mottaksdatoen regnes ut */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                    letterId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        sentDate: string;
                        trackingNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Brevet er sendt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letterId: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                            title: string;
                            /** @enum {string} */
                            channel: "email" | "post" | "registered_post";
                            /** @enum {string} */
                            status: "queued" | "sent" | "delivered" | "returned";
                            /** @enum {string} */
                            language: "nb" | "nn";
                            templateVersion: number;
                            date: string;
                            sentDate: string | null;
                            trackingNumber: string | null;
                            receiptDate: string | null;
                            deliveredDate: string | null;
                            returnedDate: string | null;
                            pdf: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Brevet er allerede sendt, eller sendes med e-post */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tenancies/{caseId}/letters/{letterId}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registrer at brevet er mottatt (dato), eller kom i retur (blir en oppgave) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    caseId: string;
                    letterId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "delivered" | "returned";
                        /**
                         * Format: date
                         * @example 2026-11-23
                         */
                        date: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Registrert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letterId: string;
                            caseId: string;
                            /** @enum {string} */
                            kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                            title: string;
                            /** @enum {string} */
                            channel: "email" | "post" | "registered_post";
                            /** @enum {string} */
                            status: "queued" | "sent" | "delivered" | "returned";
                            /** @enum {string} */
                            language: "nb" | "nn";
                            templateVersion: number;
                            date: string;
                            sentDate: string | null;
                            trackingNumber: string | null;
                            receiptDate: string | null;
                            deliveredDate: string | null;
                            returnedDate: string | null;
                            pdf: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Brevet er ikke sendt, eller utfallet er registrert før */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/letter-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Brevhode, målform og klageinstans for kommunens brev */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Brevprofilen */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipalityName: string;
                            headerLines: string[];
                            /** @enum {string} */
                            language: "nb" | "nn";
                            appealBody: string;
                            receiptBusinessDays: number;
                            rentAccountNumber?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Lagre brevhode, målform (bokmål eller nynorsk), klageinstans og antall virkedager til et brev regnes som mottatt */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        municipalityName: string;
                        headerLines: string[];
                        /** @enum {string} */
                        language: "nb" | "nn";
                        appealBody: string;
                        receiptBusinessDays: number;
                        rentAccountNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Lagret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipalityName: string;
                            headerLines: string[];
                            /** @enum {string} */
                            language: "nb" | "nn";
                            appealBody: string;
                            receiptBusinessDays: number;
                            rentAccountNumber?: string;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/municipalities/{municipality}/letter-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Brevmalene som gjelder nå, i kommunens målform */
        get: {
            parameters: {
                query?: {
                    language?: "nb" | "nn";
                };
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Én mal per brevtype */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Publiser en ny versjon av en brevmal (brev som alt er laget, beholder sin versjon) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    municipality: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                        /** @enum {string} */
                        language: "nb" | "nn";
                        title: string;
                        paragraphs: string[];
                    };
                };
            };
            responses: {
                /** @description Ny versjon publisert */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Innholdet er ikke JSON i UTF-8, eller komprimeringen støttes ikke */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malen bruker felt brevtypen ikke har */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Arbeidsflytmotoren svarte ikke i tide; prøv igjen (se Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/print-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Arbeidsliste: brev som venter på utskrift og posting */
        get: {
            parameters: {
                query: {
                    municipality: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Eldste først */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            letters: {
                                letterId: string;
                                caseId: string;
                                /** @enum {string} */
                                kind: "eviction_warning" | "nav_notice_copy" | "landlord_notice" | "short_lease_reason" | "decision" | "allowance_settlement" | "neighbour_complaint" | "three_party_meeting";
                                title: string;
                                /** @enum {string} */
                                channel: "email" | "post" | "registered_post";
                                /** @enum {string} */
                                status: "queued" | "sent" | "delivered" | "returned";
                                /** @enum {string} */
                                language: "nb" | "nn";
                                templateVersion: number;
                                date: string;
                                sentDate: string | null;
                                trackingNumber: string | null;
                                receiptDate: string | null;
                                deliveredDate: string | null;
                                returnedDate: string | null;
                                pdf: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/print-batch.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alle brev som venter på utskrift, som én PDF til kommunens trykkeri (hvert brev fra ny side) */
        get: {
            parameters: {
                query: {
                    municipality: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Ingen brev venter */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Utvalgets beslutninger: åpne, over fristen, eller avvist av saken */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "overdue" | "refused" | "all";
                };
                header?: never;
                path: {
                    committeeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Beslutningene, eldste frist først */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            decisions: {
                                meetingId: string;
                                itemId: string;
                                caseId: string | null;
                                text: string;
                                responsibleMemberId: string | null;
                                deadline: string | null;
                                effectKind: string | null;
                                deliveredAt: string | null;
                                deliveryError: string | null;
                                doneAt: string | null;
                                overdue: boolean;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Fant ikke boligutvalget */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Driftsoversikt: saker per fase og eskaleringsnivå, forfalte oppgaver, restanser, skjema som venter, varsler som feilet, beslutninger en sak avviste */
        get: {
            parameters: {
                query?: {
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oversikten (tall uten navn; lister med saksnummer) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            municipality: string;
                            asOf: string;
                            temporal: {
                                uiUrl: string | null;
                                namespace: string;
                            };
                            byPhase: {
                                key: string;
                                cases: number;
                            }[];
                            byEscalation: {
                                level: number;
                                cases: number;
                            }[];
                            overdueByRole: {
                                role: string;
                                tasks: number;
                            }[];
                            overdueByAssignee: {
                                role: string;
                                assigneeId: string | null;
                                tasks: number;
                            }[];
                            oldestDeadlines: {
                                caseId: string;
                                workflowId: string;
                                taskId: string;
                                title: string;
                                role: string;
                                dueDate: string;
                                overdue: boolean;
                            }[];
                            rent: {
                                tenancies: number;
                                tenanciesInArrears: number;
                                totalArrearsOre: number;
                                perStep: {
                                    key: string;
                                    label: string;
                                    cases: number;
                                }[];
                                arrearsAge: {
                                    bucket: string;
                                    cases: number;
                                }[];
                            };
                            submissionsWaiting: {
                                total: number;
                                oldest: {
                                    caseId: string;
                                    workflowId: string;
                                    kind: string;
                                    receivedAt: string;
                                    attempts: number;
                                    lastError: string | null;
                                }[];
                            };
                            failedNotices: {
                                total: number;
                                latest: {
                                    id: number;
                                    caseId: string | null;
                                    workflowId: string | null;
                                    createdAt: string;
                                    attempts: number;
                                    lastError: string | null;
                                }[];
                            };
                            refusedDecisions: {
                                caseId: string;
                                workflowId: string;
                                committeeId: string;
                                meetingId: string;
                                itemId: string;
                                effectKind: string | null;
                                deliveryError: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Søk etter saker på navn, saksnummer, KID eller adresse, blant sakene du har tilgang til */
        get: {
            parameters: {
                query: {
                    q: string;
                    municipality?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Treff (høyst 50) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hits: {
                                caseId: string;
                                applicantName: string;
                                phase: string;
                                status: string;
                                nextDeadline: string | null;
                                address: string | null;
                                kid: string | null;
                                /** @enum {string} */
                                matched: "case_id" | "kid" | "name" | "address";
                            }[];
                            more: boolean;
                        };
                    };
                };
                /** @description Ugyldig innhold */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Feilmelding på norsk, skrevet for brukeren */
                            error: string;
                            problems?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Ikke innlogget */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Mangler tilgang */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description For mange forespørsler (se Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Utviklingsbrukere for «Velg bruker» (tom liste når serveren har ekte nøkler) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Utviklingsnøklene serveren godtar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                token: string;
                                userId: string;
                                roles: string[];
                                municipality: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
