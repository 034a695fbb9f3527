import { type ReactElement, useId } from "react";
import type { Locale } from "../messages.js";
import { invitationMessages, memberIssueText } from "./invitationMessages.js";
import type { PastedMembers } from "./parseMembers.js";

export interface MemberPreviewProps {
  /** The box's description points here, so a screen reader hears what was read. */
  readonly id: string;
  readonly read: PastedMembers;
  readonly locale: Locale;
}

/** What was read from the pasted lines: the faults at their lines first, then each member. */
export function MemberPreview(props: MemberPreviewProps): ReactElement {
  const { id, read, locale } = props;
  const text = invitationMessages[locale];
  const ids = useId();
  const withEmail = read.members.filter((member) => member.email !== undefined).length;
  const withoutEmail = read.members.length - withEmail;
  const empty = read.members.length === 0 && read.issues.length === 0;

  return (
    <div id={id} className="coordinator-preview">
      <h4 id={`${ids}-title`}>{text.previewTitle}</h4>
      {empty ? <p>{text.previewEmpty}</p> : null}
      {read.issues.length > 0 ? (
        <div className="coordinator-error">
          <p id={`${ids}-issues`}>{text.issuesTitle(read.issues.length)}</p>
          <ul aria-labelledby={`${ids}-issues`}>
            {read.issues.map((issue) => (
              <li key={`${issue.code}:${"line" in issue ? issue.line : 0}`}>
                {memberIssueText(issue, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {read.members.length > 0 ? (
        <>
          <p>{text.previewSummary(read.members.length, withEmail)}</p>
          {withoutEmail > 0 ? (
            <p className="coordinator-hint">{text.withoutEmailWarning(withoutEmail)}</p>
          ) : null}
          <div className="coordinator-scroll coordinator-preview__table">
            <table className="coordinator-table">
              <thead>
                <tr>
                  <th scope="col" className="coordinator-number">
                    {text.lineColumn}
                  </th>
                  <th scope="col">{text.nameColumn}</th>
                  <th scope="col">{text.emailColumn}</th>
                </tr>
              </thead>
              <tbody>
                {read.members.map((member) => (
                  <tr key={member.line}>
                    <td className="coordinator-number">{member.line}</td>
                    <th scope="row">{member.name}</th>
                    <td>{member.email ?? text.noEmailCell}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
