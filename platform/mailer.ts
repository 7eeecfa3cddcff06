import nodemailer from 'nodemailer';

export interface MailAddress {
  address: string;
  name?: string | null;
}

/** A file sent with a message. `content` is text (an ICS invitation, a CSV …). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  /** Defaults to the mailer's sender. */
  from?: string;
  to: MailAddress;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** The Message-ID header, `<…@…>`. Set by the caller so a resend carries the same ID. */
  messageId: string;
}

export interface Mailer {
  send(msg: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). With `false`, STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** Default sender, e.g. `Botrygg <noreply@kommune.no>`. */
  from: string;
  /** Milliseconds; keep their sum below the sending activity's start-to-close timeout. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/**
 * Sends mail over SMTP with nodemailer, one connection per message (no pool to go stale between
 * the sparse sends of a case). Errors are thrown as nodemailer reports them (`code`, `responseCode`).
 */
export function createSmtpMailer(opts: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    ...(opts.user ? { auth: { user: opts.user, pass: opts.pass ?? '' } } : {}),
    connectionTimeout: opts.connectionTimeoutMs ?? 10_000,
    greetingTimeout: opts.greetingTimeoutMs ?? 10_000,
    socketTimeout: opts.socketTimeoutMs ?? 30_000,
  });
  return {
    async send(msg) {
      const info = await transport.sendMail({
        from: msg.from ?? opts.from,
        to: msg.to.name ? { name: msg.to.name, address: msg.to.address } : msg.to.address,
        subject: msg.subject,
        text: msg.text,
        messageId: msg.messageId,
        attachments: (msg.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
        // Content comes from our own rows; never let a value make nodemailer read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { messageId: info.messageId || msg.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
