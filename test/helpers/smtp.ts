import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  to: string[];
  subject: string | undefined;
  text: string | undefined;
  messageId: string | undefined;
  attachments: { filename: string | undefined; contentType: string; content: string }[];
}

export interface SmtpHarness {
  port: number;
  stop(): Promise<void>;
}

/** A real SMTP server in this process; every message it accepts is parsed into `received`. */
export async function startSmtpServer(received: ReceivedMail[], port = 0): Promise<SmtpHarness> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = ([] as AddressObject[]).concat(mail.to ?? []).flatMap((a) => a.value.map((v) => v.address ?? ''));
          received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            to,
            subject: mail.subject,
            text: mail.text,
            messageId: mail.messageId,
            attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

