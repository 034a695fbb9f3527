import { type ReactElement, useMemo } from "react";
import { qrPath } from "./qrPath.js";

export interface QrCodeProps {
  /** What the code holds: the link a tablet opens. */
  readonly value: string;
  /** What a screen reader says instead of the picture. */
  readonly label: string;
}

/** A QR code as inline SVG: sharp at any size, printable, no script or canvas needed. */
export function QrCode(props: QrCodeProps): ReactElement {
  const { size, d } = useMemo(() => qrPath(props.value), [props.value]);
  return (
    <svg
      className="coordinator-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
