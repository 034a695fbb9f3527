import nodemailer from "nodemailer";
import type { MailConfig } from "./config.js";

export interface OutgoingMail {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
}

/** One sending of mails over one SMTP connection (nodemailer); nothing of them is logged. */
export interface MailBatch {
  /** Resolves when the server took the mail; rejects when it refused it. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface Mailer {
  /** Connects to the SMTP server; rejects when it cannot be reached. */
  open(): Promise<MailBatch>;
}

export function createMailer(config: MailConfig): Mailer {
  return {
    async open() {
      // nodemailer logs nothing unless asked: the mails hold each member's link.
      const transport = nodemailer.createTransport({
        url: config.smtpUrl,
        pool: true,
        maxConnections: 1,
        logger: false,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      try {
        await transport.verify();
      } catch (error) {
        transport.close();
        throw error;
      }
      return {
        async send(mail) {
          await transport.sendMail({
            from: config.from,
            to: { name: mail.to.name, address: mail.to.address },
            subject: mail.subject,
            text: mail.text,
          });
        },
        close: () => transport.close(),
      };
    },
  };
}
