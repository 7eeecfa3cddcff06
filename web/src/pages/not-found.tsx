import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'wouter';
import { PageHeading } from '../ui';

export function NotFound() {
  return (
    <div className="stack">
      <PageHeading>Fant ikke siden</PageHeading>
      <Paragraph>
        <Link href="/" asChild>
          <DsLink>Gå til mine oppgaver</DsLink>
        </Link>
      </Paragraph>
    </div>
  );
}
