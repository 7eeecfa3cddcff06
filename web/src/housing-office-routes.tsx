import './housing-office.css';
import { Route } from 'wouter';
import { Dwellings } from './pages/housing-office/dwellings';
import { Municipality } from './pages/housing-office/municipality';
import { Payments } from './pages/housing-office/payments';
import { RentAccount } from './pages/housing-office/rent-account';
import { RentFigures } from './pages/housing-office/rent-figures';

/**
 * The housing office's pages: payments, rent accounts and figures, the dwelling register, the
 * agreement template and policy. Called as a function inside the app's `<Switch>` (which flattens
 * fragments), so they are matched in order with the other routes.
 */
export function HousingOfficeRoutes() {
  return (
    <>
      <Route path="/innbetalinger" component={Payments} />
      <Route path="/husleietall" component={RentFigures} />
      <Route path="/boliger" component={Dwellings} />
      <Route path="/kommunen" component={Municipality} />
      <Route path="/saker/:caseId/husleie">{(params) => <RentAccount caseId={params.caseId} />}</Route>
    </>
  );
}
