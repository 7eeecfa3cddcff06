import type { ReactNode } from 'react';
import { hasRole, useSession } from './auth';

/** The housing office's own menu items (payments, rent figures, registers), each by the roles its API allows. */
export function HousingOfficeNav({ NavLink }: { NavLink: (props: { href: string; children: ReactNode }) => ReactNode }) {
  const session = useSession();
  return (
    <>
      {hasRole(session, 'housing_office') && (
        <li>
          <NavLink href="/innbetalinger">Innbetalinger</NavLink>
        </li>
      )}
      {hasRole(session, 'housing_office', 'housing_officer', 'committee_member') && (
        <li>
          <NavLink href="/husleietall">Husleietall</NavLink>
        </li>
      )}
      {hasRole(session, 'housing_office', 'housing_officer') && (
        <>
          <li>
            <NavLink href="/boliger">Boliger</NavLink>
          </li>
          <li>
            <NavLink href="/kommunen">Avtalemal og retningslinjer</NavLink>
          </li>
        </>
      )}
    </>
  );
}
