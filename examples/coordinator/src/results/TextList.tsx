import type { ReactElement } from "react";

export interface TextListProps {
  readonly title: string;
  readonly items: readonly string[];
}

/** Written answers as text: React escapes them; they are never read as HTML. */
export function TextList(props: TextListProps): ReactElement {
  const { title, items } = props;
  return (
    <div className="coordinator-texts">
      <h4>{title}</h4>
      <ul>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: texts are sorted and may repeat
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
