import { HomeLink, PageHeading } from '../ui';

export function NotFound() {
  return (
    <div className="stack">
      <PageHeading>Fant ikke siden</PageHeading>
      <HomeLink />
    </div>
  );
}
