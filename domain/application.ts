import type { ApplicationData } from './schemas/application';

export type { ApplicationData, ApplicationInput } from './schemas/application';

/** An application as the case holds it: the received date is always known. */
export type Application = ApplicationData & { receivedDate: string };
