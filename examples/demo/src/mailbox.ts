import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A mail as the demo's SMTP server received it. */
export interface ReceivedMail {
  /** 1, 2, 3 … in order of arrival: the Post page's address of the mail. */
  readonly id: number;
  /** The envelope's recipients (RCPT TO). */
  readonly to: readonly string[];
  /** The `To:` header as written, name included ("Anne Holm <anne.holm@…>"). */
  readonly toHeader: string;
  readonly from: string;
  readonly subject: string;
  readonly receivedAt: Date;
  readonly text: string;
}

export interface Mailbox {
  /** `smtp://host:port`, for the collector's `KLYNGE_SMTP_URL`. */
  readonly url: string;
  /** Newest last. */
  readonly mails: readonly ReceivedMail[];
  close(): Promise<void>;
}

export interface MailboxOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The oldest mails are dropped beyond this many. Default 1000. */
  readonly keep?: number;
  /** The clock for `receivedAt`. Default `new Date()`. */
  readonly now?: () => Date;
}

/**
 * The demo's local SMTP server (`smtp-server`): no TLS, no sign-in, on the loopback address; it
 * keeps what it receives in memory, for the Post page. It is the demo's only mail server, so the
 * seeded GPs' `.example` addresses reach no one.
 */
export async function startMailbox(options: MailboxOptions): Promise<Mailbox> {
  const keep = options.keep ?? 1000;
  const now = options.now ?? (() => new Date());
  const mails: ReceivedMail[] = [];
  let next = 1;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: 1_000_000,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = parsed.to;
          mails.push({
            id: next++,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            toHeader: (Array.isArray(to) ? to.map((t) => t.text).join(", ") : to?.text) ?? "",
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            receivedAt: now(),
            text: parsed.text ?? "",
          });
          if (mails.length > keep) mails.splice(0, mails.length - keep);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${options.host}:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
