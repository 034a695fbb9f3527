import { localize } from "@klynge/engine";
import { type ChartGroup, formatPercent, shareText } from "@klynge/widget/report";
import { type ReactElement, useState } from "react";
import {
  Bar,
  BarChart,
  LabelList,
  Legend,
  Rectangle,
  type RectangleProps,
  ResponsiveContainer,
  Text,
  XAxis,
  YAxis,
} from "recharts";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { chartLayout } from "./chartLayout.js";

/** Baseline, follow-up: dark teal and dark orange, both over 4.5:1 on white. */
export const roundColours = ["#0b4f5c", "#b35900", "#5a3d8a"] as const;

export interface OptionChartProps {
  readonly group: ChartGroup;
  readonly roundLabels: readonly string[];
  readonly title: string;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  /** The chart's width before it is measured (and in tests, where nothing is measured). */
  readonly initialWidth?: number;
}

interface TickProps {
  readonly width: number;
  readonly x?: number | string;
  readonly y?: number | string;
  readonly payload?: { readonly value?: unknown };
}

/**
 * recharts drops bars of no width, and their labels with them; a shape of its own keeps every
 * bar, so an empty one still carries its label ("0 %", "skjult").
 */
export function BarShape(props: RectangleProps): ReactElement {
  return <Rectangle {...props} />;
}

function CategoryTick(props: TickProps): ReactElement {
  return (
    <Text
      x={Number(props.x ?? 0)}
      y={Number(props.y ?? 0)}
      width={props.width - 10}
      textAnchor="end"
      verticalAnchor="middle"
      fill="#1a1a1a"
    >
      {String(props.payload?.value ?? "")}
    </Text>
  );
}

/**
 * Horizontal bars of option shares, one bar per round. A withheld share has no bar and the label
 * "skjult"; the figures themselves are in the table next to the chart (a chart is an image to a
 * screen reader, so it is hidden from one and the table is what it reads).
 */
export function OptionChart(props: OptionChartProps): ReactElement {
  const { group, roundLabels, title, locale, text, initialWidth = 720 } = props;
  const rounds = roundLabels.length;
  const [width, setWidth] = useState(initialWidth);
  const layout = chartLayout(width, { category: 240, label: 96 }, { category: 96, label: 56 });
  const data = group.bars.map((bar) => {
    const entry: Record<string, string | number | null> = {
      label: localize(bar.label, locale).text,
    };
    bar.values.forEach((value, i) => {
      // A withheld share is drawn as no bar at the axis, labelled "skjult"; its count stays unknown.
      entry[`v${i}`] = value.kind === "shown" ? value.share : 0;
      entry[`t${i}`] = shareText(value, locale, text);
    });
    return entry;
  });
  const height = 56 + group.bars.length * (rounds * 24 + 16) + (rounds > 1 ? 32 : 0);
  return (
    <div className="coordinator-chart" role="img" aria-label={text.chartOf(title)}>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: initialWidth, height }}
        onResize={(measured) => setWidth(measured)}
      >
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: layout.labelRoom, bottom: 8, left: 8 }}
          barCategoryGap={8}
          accessibilityLayer={false}
        >
          <XAxis
            type="number"
            domain={[0, 1]}
            tickFormatter={(value: number) => formatPercent(value, locale)}
            tick={{ fill: "#1a1a1a" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={layout.categoryWidth}
            tick={(tick: Omit<TickProps, "width">) => (
              <CategoryTick {...tick} width={layout.categoryWidth} />
            )}
            interval={0}
          />
          {roundLabels.map((label, i) => (
            <Bar
              key={label}
              dataKey={`v${i}`}
              name={label}
              fill={roundColours[i % roundColours.length]}
              isAnimationActive={false}
              shape={BarShape}
            >
              <LabelList dataKey={`t${i}`} position="right" fill="#1a1a1a" />
            </Bar>
          ))}
          {rounds > 1 ? (
            <Legend verticalAlign="bottom" wrapperStyle={{ color: "#1a1a1a" }} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
