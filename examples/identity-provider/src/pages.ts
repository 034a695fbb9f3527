import { createHash } from "node:crypto";
import { escapeHtml } from "./escapeHtml.js";
import { type Message, messages } from "./messages.js";

// One inline stylesheet, allowed by its hash in the Content-Security-Policy (no 'unsafe-inline').
// Colours keep at least 4.5:1 contrast on white; the layout is one column from 320 px up.
export const pageStyle = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f3f4f6}
main{max-width:26rem;margin:2rem auto;padding:1.5rem 1rem;background:#fff;border:1px solid #d1d5db;border-radius:.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
.en{display:block;font-size:.875rem;font-weight:400;color:#4b5563}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{display:block;width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #6b7280;border-radius:.375rem;background:#fff;color:#1a1a1a}
button{display:block;width:100%;margin-top:1.5rem;font:inherit;font-weight:600;padding:.75rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{margin-top:.75rem;background:#fff;color:#1d4ed8;border:2px solid #1d4ed8}
button .en{color:inherit;font-weight:400}
input:focus-visible,button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
button:hover{background:#1e40af}
button.secondary:hover{background:#eff6ff}
.alert{margin:1rem 0 0;padding:.75rem;border-left:4px solid #b00020;background:#fdf2f4;color:#8a0019}
.alert .en{color:#8a0019}
code{font-size:.875rem;word-break:break-all}
`;

export const pageStyleHash = `'sha256-${createHash("sha256").update(pageStyle).digest("base64")}'`;

function bilingual(message: Message): string {
  return message.da === message.en
    ? escapeHtml(message.da)
    : `${escapeHtml(message.da)} <span class="en" lang="en">${escapeHtml(message.en)}</span>`;
}

function page(title: Message, main: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title.da)} · ${escapeHtml(title.en)}</title>
<style>${pageStyle}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

export interface LoginPageInput {
  readonly uid: string;
  readonly clientId: string;
  readonly email?: string;
  readonly failed: boolean;
}

export function renderLoginPage({ uid, clientId, email = "", failed }: LoginPageInput): string {
  const described = failed ? ' aria-describedby="login-error" aria-invalid="true"' : "";
  const alert = failed
    ? `<p class="alert" id="login-error" role="alert">${bilingual(messages.wrongCredentials)}</p>`
    : "";
  // The password gets the focus when the e-mail is already filled in (after a failed attempt).
  const emailFocus = email === "" ? " autofocus" : "";
  const passwordFocus = email === "" ? "" : " autofocus";
  return page(
    messages.signIn,
    `<h1>${bilingual(messages.signIn)}</h1>
<p>${escapeHtml(messages.signInTo.da)} <strong>${escapeHtml(clientId)}</strong>. <span class="en" lang="en">${escapeHtml(messages.signInTo.en)} <strong>${escapeHtml(clientId)}</strong>.</span></p>${alert}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<input type="hidden" name="uid" value="${escapeHtml(uid)}">
<label for="email">${bilingual(messages.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" inputmode="email" autocapitalize="none" spellcheck="false" required value="${escapeHtml(email)}"${described}${emailFocus}>
<label for="password">${bilingual(messages.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}${passwordFocus}>
<button type="submit">${bilingual(messages.signIn)}</button>
</form>`,
  );
}

/** `form` is oidc-provider's hidden form (`id="op.logoutForm"`, with its xsrf field). */
export function renderLogoutPage(form: string): string {
  return page(
    messages.signOutQuestion,
    `<h1>${bilingual(messages.signOutQuestion)}</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${bilingual(messages.signOutYes)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${bilingual(messages.signOutNo)}</button>`,
  );
}

export function renderSignedOutPage(clientId: string | undefined): string {
  const from =
    clientId === undefined
      ? bilingual(messages.signedOut)
      : `${escapeHtml(messages.signedOutFrom.da)} <strong>${escapeHtml(clientId)}</strong>. <span class="en" lang="en">${escapeHtml(messages.signedOutFrom.en)} <strong>${escapeHtml(clientId)}</strong>.</span>`;
  return page(messages.signedOut, `<h1>${bilingual(messages.signedOut)}</h1>\n<p>${from}</p>`);
}

/** `detail` is shown as given (escaped): an OAuth error code and description, never a secret. */
export function renderErrorPage(message: Message, detail?: string): string {
  const code = detail === undefined ? "" : `\n<p><code>${escapeHtml(detail)}</code></p>`;
  return page(
    messages.errorTitle,
    `<h1>${bilingual(messages.errorTitle)}</h1>\n<p>${bilingual(message)}</p>${code}`,
  );
}
