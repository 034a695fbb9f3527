// @vitest-environment happy-dom
import type { Count, Mean, OptionResult, ReferralRateReport, Report } from "@klynge/engine";
import { ReportResults } from "@klynge/example-meeting-app/results";
import { cleanup, render } from "@testing-library/react";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildDeck } from "../deck/buildDeck.js";
import { coordinatorMessages } from "../messages.js";
import { ReportView } from "../results/ReportView.js";
import { akutReport } from "./fixtures/akutReport.js";
import { stubChartSize } from "./fixtures/chartSize.js";
import { generatedAt, referrals, twoRoundReport } from "./fixtures/report.js";

// One report, three renderings: the coordinator's results page (its tables, its charts' labels,
// its comparison and referral tables), the meeting tablet's results, and the deck (its charts'
// data, its slide text and tables). Every figure each shows is read back from what it drew and
// must be the engine's: a count, a share, "skjult", a mean, how many answered, the free texts, a
// change, a referral rate. What one rendering shows and another does not is said per kind below.

/** A figure's place, e.g. "question ¦ row ¦ option ¦ round ¦ share", and what it reads. */
type Figures = Map<string, string>;

const key = (...parts: string[]) => parts.join(" ¦ ");
const kindOf = (figureKey: string) => figureKey.slice(figureKey.lastIndexOf(" ¦ ") + 3);

function put(figures: Figures, figureKey: string, value: string): void {
  const before = figures.get(figureKey);
  if (before !== undefined && before !== value)
    throw new Error(`${figureKey} is shown twice: "${before}" and "${value}"`);
  figures.set(figureKey, value);
}

const clean = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** "42 %" → "42"; "skjult"; a cell with no figure ("–", "ikke stillet") → "–". */
function shareOf(text: string): string {
  const value = clean(text);
  const percent = /^(\d+) ?%$/.exec(value);
  if (percent !== null) return percent[1] as string;
  if (value === "skjult") return value;
  if (value === "–" || value === "ikke stillet") return "–";
  throw new Error(`not a share: "${value}"`);
}

function countOf(text: string): string {
  const value = clean(text);
  if (/^\d+$/.test(value) || value === "skjult") return value;
  if (value === "–" || value === "ikke stillet") return "–";
  throw new Error(`not a count: "${value}"`);
}

/** "Besvaret af 12" → "12"; "Skjult: færre end 5 …" → "skjult"; nobody → "0". */
function answeredOf(text: string): string {
  const value = clean(text);
  const n = /^Besvaret af (\d+)$/.exec(value);
  if (n !== null) return n[1] as string;
  if (value.startsWith("Skjult: færre end ")) return "skjult";
  if (value === "Ingen har besvaret spørgsmålet.") return "0";
  if (value === "Ikke stillet i denne runde.") return "ikke stillet";
  throw new Error(`not how many answered: "${value}"`);
}

/** "Gennemsnit: 3,5" → "3,5"; "Gennemsnit: skjult" → "skjult". */
function meanOf(text: string): string {
  const value = /^Gennemsnit: (.+)$/.exec(clean(text));
  if (value === null) throw new Error(`not a mean: "${text}"`);
  return value[1] as string;
}

/** A rate as a number ("8,0" → "8"), or "skjult" for "<5 (færre end 5 henvisninger)". */
function rateOf(text: string): string {
  const value = clean(text);
  if (value.includes("færre end")) return "skjult";
  const rate = Number(value.replace(/\./g, "").replace(",", "."));
  if (Number.isNaN(rate)) throw new Error(`not a rate: "${value}"`);
  return String(rate);
}

/** "Baseline, maj 2027: rest" → ["Baseline, maj 2027", "rest"]; one round: the line as is. */
function inRound(line: string, rounds: readonly string[]): [string, string] {
  if (rounds.length === 1) return [rounds[0] as string, clean(line)];
  const round = rounds.find((r) => clean(line).startsWith(`${r}: `));
  if (round === undefined) throw new Error(`no round named in "${line}"`);
  return [round, clean(line).slice(round.length + 2)];
}

/** "Fritekstsvar – Baseline" → kind and round. */
function textsHeading(heading: string, rounds: readonly string[]): [string, string] {
  const value = clean(heading).replace(/ \(fortsat\)$/, "");
  const kind = value.startsWith("Andet (fritekst)") ? "other" : "texts";
  if (rounds.length === 1) return [kind, rounds[0] as string];
  const round = rounds.find((r) => value.endsWith(` – ${r}`));
  if (round === undefined) throw new Error(`no round named in "${heading}"`);
  return [kind, round];
}

const childrenOf = (element: Element, selector: string) =>
  Array.from(element.children).filter((child) => child.matches(selector));

/** The shared option table: per option a count and a share for each round, in the rounds' order. */
function readOptionTable(
  figures: Figures,
  table: Element,
  place: { question: string; row: string },
  rounds: readonly string[],
): void {
  for (const tr of table.querySelectorAll("tbody tr")) {
    const option = clean(tr.querySelector("th")?.textContent);
    const cells = Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "");
    expect(cells).toHaveLength(rounds.length * 2);
    rounds.forEach((round, i) => {
      put(
        figures,
        key(place.question, place.row, option, round, "count"),
        countOf(cells[2 * i] ?? ""),
      );
      put(
        figures,
        key(place.question, place.row, option, round, "share"),
        shareOf(cells[2 * i + 1] ?? ""),
      );
    });
  }
}

function readAnswered(
  figures: Figures,
  lines: Element[],
  place: { question: string; row: string },
  rounds: readonly string[],
) {
  for (const line of lines) {
    const [round, rest] = inRound(line.textContent ?? "", rounds);
    put(figures, key(place.question, place.row, round, "answered"), answeredOf(rest));
  }
}

/** What the coordinator's results page shows, from its tables, lines and lists. */
function pageFigures(root: HTMLElement, rounds: readonly string[]): Figures {
  const figures: Figures = new Map();
  for (const article of root.querySelectorAll("article.coordinator-question")) {
    const question = clean(article.querySelector("h3")?.textContent);
    const groups = childrenOf(article, ".coordinator-group");
    readAnswered(
      figures,
      childrenOf(article, ".coordinator-n").flatMap((n) =>
        n.matches("ul") ? Array.from(n.children) : [n],
      ),
      { question, row: "" },
      rounds,
    );
    for (const group of groups) {
      const row = clean(childrenOf(group, "h4")[0]?.textContent);
      const place = { question, row };
      readAnswered(
        figures,
        childrenOf(group, ".coordinator-n").flatMap((n) =>
          n.matches("ul") ? Array.from(n.children) : [n],
        ),
        place,
        rounds,
      );
      const table = group.querySelector("table");
      if (table !== null) readOptionTable(figures, table, place, rounds);
      const means = group.querySelector(".coordinator-mean");
      for (const line of clean(means?.textContent)
        .split(" · ")
        .filter((l) => l !== "")) {
        const [round, rest] = inRound(line, rounds);
        put(figures, key(question, row, round, "mean"), meanOf(rest));
      }
    }
    for (const list of childrenOf(article, ".coordinator-texts")) {
      const [kind, round] = textsHeading(list.querySelector("h4")?.textContent ?? "", rounds);
      const items = Array.from(list.querySelectorAll("li"), (li) => li.textContent ?? "");
      put(figures, key(question, round, kind, "texts"), items.join(" | "));
    }
  }
  for (const group of root.querySelectorAll(".coordinator-comparison .coordinator-group")) {
    const question = clean(group.querySelector("h3")?.textContent);
    for (const tr of group.querySelectorAll("tbody tr")) {
      const line = clean(tr.querySelector("th")?.textContent);
      const [baseline, followUp, change] = Array.from(tr.querySelectorAll("td"));
      put(figures, key("cmp", question, line, "baseline"), clean(baseline?.textContent));
      put(figures, key("cmp", question, line, "followUp"), clean(followUp?.textContent));
      // The change's cell may say why it is withheld after the figure; the figure comes first.
      put(figures, key("cmp", question, line, "change"), clean(change?.firstChild?.textContent));
    }
  }
  for (const group of root.querySelectorAll(".coordinator-referrals .coordinator-group")) {
    const offer = clean(group.querySelector("h3")?.textContent);
    for (const tr of group.querySelectorAll("tbody tr")) {
      const practice = clean(tr.querySelector("th")?.textContent);
      put(
        figures,
        key("ref", offer, practice, "rate"),
        rateOf(tr.querySelector("td")?.textContent ?? ""),
      );
    }
  }
  return figures;
}

/** What the page's charts say beside their bars: one label list per round, a label per option. */
function pageChartFigures(root: HTMLElement, rounds: readonly string[]): Figures {
  const figures: Figures = new Map();
  for (const article of root.querySelectorAll("article.coordinator-question")) {
    const question = clean(article.querySelector("h3")?.textContent);
    for (const group of childrenOf(article, ".coordinator-group")) {
      const row = clean(childrenOf(group, "h4")[0]?.textContent);
      const chart = group.querySelector(".coordinator-chart");
      if (chart === null) continue;
      const options = Array.from(group.querySelectorAll("tbody th"), (th) => clean(th.textContent));
      const lists = chart.querySelectorAll(".recharts-label-list");
      expect(lists).toHaveLength(rounds.length);
      rounds.forEach((round, i) => {
        const labels = Array.from(
          lists[i]?.querySelectorAll("text") ?? [],
          (t) => t.textContent ?? "",
        );
        expect(labels).toHaveLength(options.length);
        options.forEach((option, j) => {
          put(figures, key(question, row, option, round, "share"), shareOf(labels[j] ?? ""));
        });
      });
    }
  }
  return figures;
}

/** What the meeting tablet's results show. */
function meetingFigures(root: HTMLElement, rounds: readonly string[]): Figures {
  const figures: Figures = new Map();
  for (const article of root.querySelectorAll("article.meeting-question")) {
    const question = clean(article.querySelector("h3")?.textContent);
    readAnswered(
      figures,
      childrenOf(article, ".meeting-question__n"),
      { question, row: "" },
      rounds,
    );
    for (const group of childrenOf(article, "div:not(.meeting-texts)")) {
      const row = clean(childrenOf(group, "h4")[0]?.textContent);
      const place = { question, row };
      readAnswered(figures, childrenOf(group, ".meeting-question__n"), place, rounds);
      const table = group.querySelector("table");
      if (table !== null) readOptionTable(figures, table, place, rounds);
      for (const line of childrenOf(group, ".meeting-question__mean")) {
        const [round, rest] = inRound(line.textContent ?? "", rounds);
        put(figures, key(question, row, round, "mean"), meanOf(rest));
      }
    }
    for (const list of childrenOf(article, ".meeting-texts")) {
      const [kind, round] = textsHeading(list.querySelector("h4")?.textContent ?? "", rounds);
      const items = Array.from(list.querySelectorAll("li"), (li) => li.textContent ?? "");
      put(
        figures,
        key(question, round, kind, "texts"),
        items.length === 0 ? "skjult" : items.join(" | "),
      );
    }
  }
  return figures;
}

const unescapeXml = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** The paragraphs of an XML fragment, each its text runs joined. */
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) =>
      unescapeXml([...(p[1] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("")),
    )
    .filter((text) => text !== "");

interface Series {
  readonly name: string;
  readonly labels: readonly string[];
  readonly values: readonly string[];
}

function seriesOf(chartXml: string): Series[] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
    const ser = match[1] ?? "";
    const points = (part: string) =>
      [
        ...(new RegExp(`<c:${part}>([\\s\\S]*?)</c:${part}>`).exec(ser)?.[1] ?? "").matchAll(
          /<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g,
        ),
      ].map((p) => unescapeXml(p[1] ?? ""));
    return { name: points("tx")[0] ?? "", labels: points("cat"), values: points("val") };
  });
}

/** A chart's bars: "Label (skjult: Baseline)" says which rounds' bars are withheld. */
function readDeckChart(
  figures: Figures,
  chartXml: string,
  place: { question: string; row: string },
  rounds: readonly string[],
) {
  const series = seriesOf(chartXml);
  expect(series.map((s) => s.name)).toEqual(rounds);
  for (const [i, s] of series.entries()) {
    s.labels.forEach((label, j) => {
      const hidden = /^(.*) \(skjult(?:: (.*))?\)$/.exec(label);
      const option = hidden === null ? label : (hidden[1] as string);
      const hiddenIn =
        hidden === null
          ? []
          : hidden[2] === undefined
            ? rounds
            : // Round labels have commas of their own ("Baseline, maj 2027"): match them whole.
              rounds.filter((r) => `, ${hidden[2]}, `.includes(`, ${r}, `));
      const value = s.values[j] ?? "";
      const share =
        value === ""
          ? hiddenIn.includes(s.name)
            ? "skjult"
            : "–"
          : String(Math.round(Number(value) * 100));
      if (value !== "" && hiddenIn.includes(s.name))
        throw new Error(`${option}: a bar and "skjult" in ${s.name}`);
      put(figures, key(place.question, place.row, option, rounds[i] as string, "share"), share);
    });
  }
}

/** The rows of each table on a slide, each row its cells' texts. */
const tableRowsOf = (xml: string) =>
  [...xml.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)].map((tc) =>
      clean(paragraphsOf(tc[1] ?? "").join(" ")),
    ),
  );

/** What the deck shows, read from the unzipped pptx: charts' data, slide text, tables. */
async function deckFigures(
  report: Report,
  referralReport: ReferralRateReport | null,
): Promise<Figures> {
  const rounds = report.rounds.map((r) => r.label);
  const pptx = buildDeck({ report, referrals: referralReport, locale: "da", generatedAt });
  const zip = await JSZip.loadAsync((await pptx.write({ outputType: "nodebuffer" })) as Uint8Array);
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  const slideNames = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const questions = new Map(report.questions.map((q) => [q.text.da, q]));
  const figures: Figures = new Map();
  let comparing: string | null = null;

  for (const name of slideNames) {
    const xml = await read(name);
    const rels = await read(
      name.replace("slides/", "slides/_rels/").replace(/\.xml$/, ".xml.rels"),
    );
    const charts = await Promise.all(
      [...rels.matchAll(/Target="[^"]*?(charts\/chart\d+\.xml)"/g)].map((m) => read(`ppt/${m[1]}`)),
    );
    const shapes = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((sp) =>
      paragraphsOf(sp[1] ?? ""),
    );
    const title = (shapes[0]?.[0] ?? "").replace(/ \(fortsat\)$/, "");
    const question = questions.get(title);

    if (question !== undefined && question.type === "matrix") {
      for (const chart of charts) {
        const chartTitle =
          paragraphsOf(/<c:title>([\s\S]*?)<\/c:title>/.exec(chart)?.[1] ?? "")[0] ?? "";
        const [, row, participation] = /^(.*?) \((.*)\)$/.exec(chartTitle) ?? [];
        readAnswered(
          figures,
          (participation ?? "").split(" · ").map((line) => ({ textContent: line }) as Element),
          { question: title, row: row ?? "" },
          rounds,
        );
        readDeckChart(figures, chart, { question: title, row: row ?? "" }, rounds);
      }
      // A row with no figures in any round is its title and who answered, as text.
      for (const shape of shapes.slice(1)) {
        const [, row, participation] = /^(.*?) \((.*)\)$/.exec(shape[0] ?? "") ?? [];
        if (row === undefined || !rounds.some((r) => participation?.startsWith(`${r}: `))) continue;
        readAnswered(
          figures,
          (participation ?? "").split(" · ").map((line) => ({ textContent: line }) as Element),
          { question: title, row },
          rounds,
        );
      }
    } else if (question !== undefined) {
      const subtitle = shapes[1]?.[0] ?? "";
      const asText = (line: string) => ({ textContent: line }) as Element;
      if (/^(Fritekstsvar|Andet \(fritekst\))/.test(subtitle)) {
        const bullets = shapes[2] ?? [];
        const answeredLines = bullets.every((line) => {
          try {
            answeredOf(inRound(line, rounds)[1]);
            return true;
          } catch {
            return false;
          }
        });
        if (answeredLines)
          readAnswered(figures, bullets.map(asText), { question: title, row: "" }, rounds);
        else {
          const [kind, round] = textsHeading(subtitle, rounds);
          const textsKey = key(title, round, kind, "texts");
          const before = figures.get(textsKey);
          figures.set(
            textsKey,
            [...(before === undefined ? [] : [before]), ...bullets].join(" | "),
          );
        }
      } else {
        readAnswered(
          figures,
          subtitle.split(" · ").map(asText),
          { question: title, row: "" },
          rounds,
        );
        const chart = charts[0];
        if (chart !== undefined)
          readDeckChart(figures, chart, { question: title, row: "" }, rounds);
      }
    } else if (title.startsWith("Udvikling: ")) {
      for (const cells of tableRowsOf(xml).slice(1)) {
        const [name = "", baseline = "", followUp = "", change = ""] = cells;
        const heading = questions.get(name.replace(/ \(fortsat\)$/, ""));
        if (heading !== undefined) {
          comparing = heading.text.da;
          continue;
        }
        if (comparing === null || change === "") continue;
        put(figures, key("cmp", comparing, name, "baseline"), baseline);
        put(figures, key("cmp", comparing, name, "followUp"), followUp);
        put(figures, key("cmp", comparing, name, "change"), change);
      }
    } else if (title.startsWith("Henvisninger pr. 1.000")) {
      const footnote = shapes.at(-1)?.join(" ") ?? "";
      for (const s of seriesOf(charts[0] ?? "")) {
        s.labels.forEach((practice, j) => {
          const value = s.values[j] ?? "";
          const rate =
            value !== ""
              ? String(Number(value))
              : footnote.includes(`${practice} (${s.name}): `)
                ? "skjult"
                : "–";
          put(figures, key("ref", s.name, practice, "rate"), rate);
        });
      }
    }
  }
  return figures;
}

const shownCount = (count: Count) => (count.status === "shown" ? String(count.value) : "skjult");
const shownMean = (mean: Mean) =>
  mean.status === "shown" ? mean.value.toFixed(1).replace(".", ",") : "skjult";

/** The figures as the engine's report has them, read here without the view-model. */
function engineFigures(report: Report, referralReport: ReferralRateReport | null): Figures {
  const rounds = report.rounds.map((r) => r.label);
  const figures: Figures = new Map();
  const group = (
    question: string,
    row: string,
    perRound: readonly ({
      answered: Count;
      options: readonly OptionResult[];
      mean?: Mean;
    } | null)[],
  ) => {
    perRound.forEach((result, i) => {
      figures.set(
        key(question, row, rounds[i] as string, "answered"),
        result === null ? "ikke stillet" : shownCount(result.answered),
      );
    });
    // A chart (and its table) is drawn when some round shows anyone answered.
    if (!perRound.some((r) => r?.answered.status === "shown" && r.answered.value > 0)) return;
    perRound.forEach((result, i) => {
      const round = rounds[i] as string;
      const nobody =
        result === null || (result.answered.status === "shown" && result.answered.value === 0);
      for (const option of result?.options ?? []) {
        const cell = option.cell;
        const [count, share] =
          nobody || cell.status === "not_offered"
            ? ["–", "–"]
            : cell.status === "suppressed"
              ? ["skjult", "skjult"]
              : [String(cell.count), String(Math.round(cell.share * 100))];
        figures.set(key(question, row, option.label.da, round, "count"), count);
        figures.set(key(question, row, option.label.da, round, "share"), share);
      }
      if (result?.mean !== undefined)
        figures.set(key(question, row, round, "mean"), shownMean(result.mean));
    });
  };
  for (const question of report.questions) {
    const title = question.text.da;
    const asked = question.perRound.map((r) => (r.type === "not_asked" ? null : r));
    if (question.type === "matrix") {
      const rows = asked.find((r) => r?.type === "matrix")?.rows ?? [];
      for (const row of rows) {
        group(
          title,
          row.label.da,
          asked.map((r) =>
            r?.type === "matrix" ? (r.rows.find((x) => x.code === row.code) ?? null) : null,
          ),
        );
      }
    } else if (question.type === "text") {
      asked.forEach((r, i) => {
        figures.set(
          key(title, "", rounds[i] as string, "answered"),
          r === null ? "ikke stillet" : shownCount(r.answered),
        );
      });
    } else {
      group(
        title,
        "",
        asked.map((r) =>
          r !== null && "options" in r
            ? {
                answered: r.answered,
                options: r.options,
                ...(r.type === "rating" ? { mean: r.mean } : {}),
              }
            : null,
        ),
      );
    }
    asked.forEach((r, i) => {
      const texts =
        r?.type === "text"
          ? r.texts
          : r?.type === "single" || r?.type === "multi"
            ? r.otherTexts
            : null;
      if (r === null || texts === null) return;
      const textsKey = key(
        title,
        rounds[i] as string,
        r.type === "text" ? "texts" : "other",
        "texts",
      );
      // Withheld texts of a question some answered: only the tablet says so, "skjult".
      if (texts.status !== "shown") {
        if (r.answered.status === "shown" && r.answered.value > 0) figures.set(textsKey, "skjult");
      } else if (texts.items.length > 0) figures.set(textsKey, texts.items.join(" | "));
    });
  }
  for (const offer of referralReport?.offers ?? []) {
    for (const practice of offer.practices) {
      figures.set(
        key("ref", offer.offer, practice.pseudonym, "rate"),
        practice.rate.status === "shown" ? String(practice.rate.perThousand) : "skjult",
      );
    }
  }
  return figures;
}

/** The figures of the given kinds, as a sorted object: a failure shows every differing place. */
function only(
  figures: Figures,
  kinds: readonly string[],
  keep: (figureKey: string) => boolean = () => true,
): Record<string, string> {
  return Object.fromEntries(
    [...figures]
      .filter(([k]) => kinds.includes(kindOf(k)) && keep(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

beforeEach(() => stubChartSize());

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface Renderings {
  readonly expected: Figures;
  readonly page: Figures;
  readonly pageCharts: Figures;
  readonly meeting: Figures;
  readonly deck: Figures;
}

async function renderAll(
  report: Report,
  referralReport: ReferralRateReport | null,
  deckReport: Report = report,
): Promise<Renderings> {
  const rounds = report.rounds.map((r) => r.label);
  const page = render(
    <ReportView
      report={report}
      referrals={referralReport}
      generatedAt={generatedAt}
      locale="da"
      text={coordinatorMessages.da}
      chartWidth={800}
    />,
  );
  const meeting = render(<ReportResults report={report} locale="da" />);
  return {
    expected: engineFigures(report, referralReport),
    page: pageFigures(page.container, rounds),
    pageCharts: pageChartFigures(page.container, rounds),
    meeting: meetingFigures(meeting.container, rounds),
    deck: await deckFigures(deckReport, referralReport),
  };
}

/** Which questions the deck states how many answered for: a text question only when withheld. */
function deckSaysAnswered(report: Report) {
  const withTexts = new Set(
    report.questions
      .filter(
        (q) =>
          q.type === "text" &&
          q.perRound.some(
            (r) => r.type === "text" && r.texts.status === "shown" && r.texts.items.length > 0,
          ),
      )
      .map((q) => q.text.da),
  );
  return (figureKey: string) => !withTexts.has(figureKey.split(" ¦ ")[0] ?? "");
}

describe.each([
  ["akut: a matrix, means, 'Andet' texts, texts shown in one round only", akutReport],
  ["rehab: baseline and follow-up with withheld cells and free texts", twoRoundReport],
])("the three renderings of one report agree on every figure (%s)", (_, report) => {
  it("shows the engine's count, share or 'skjult', mean and respondents in the page's tables, its charts, the tablet and the deck", async () => {
    const { expected, page, pageCharts, meeting, deck } = await renderAll(report, referrals);
    const all = ["answered", "count", "share", "mean", "texts"];
    const shownTexts = (figureKey: string) =>
      kindOf(figureKey) !== "texts" || expected.get(figureKey) !== "skjult";
    expect(only(page, all)).toEqual(only(expected, all, shownTexts));
    expect(only(meeting, all)).toEqual(only(expected, all));
    expect(only(pageCharts, ["share"])).toEqual(only(expected, ["share"]));
    // The deck has no count per option and no mean on a question's slide (only in the comparison).
    expect(only(deck, ["answered"])).toEqual(
      only(expected, ["answered"], deckSaysAnswered(report)),
    );
    expect(only(deck, ["share", "texts"])).toEqual(only(expected, ["share", "texts"], shownTexts));
    // Some of every kind was read, so an empty reading cannot pass.
    for (const kind of all) expect(Object.keys(only(page, [kind])).length).toBeGreaterThan(0);
    expect(Object.values(only(deck, ["share"]))).toContain("skjult");
  });

  it("compares the rounds in the deck as on the page, each side as the question's table shows it", async () => {
    const { expected, page, deck } = await renderAll(report, referrals);
    expect(only(deck, ["baseline", "followUp", "change"])).toEqual(
      only(page, ["baseline", "followUp", "change"]),
    );
    const [baseline, followUp] = report.rounds.map((r) => r.label) as [string, string];
    const sides = Object.entries(only(page, ["baseline", "followUp"]));
    expect(sides.length).toBeGreaterThan(0);
    for (const [figureKey, value] of sides) {
      const [, question = "", line = "", side] = figureKey.split(" ¦ ");
      const round = side === "baseline" ? baseline : followUp;
      const mean = /^(?:(.*) – )?Gennemsnit \(skalatrin\)$/.exec(line);
      const [row, option] =
        mean !== null
          ? [mean[1] ?? "", undefined]
          : line.includes(" – ")
            ? (line.split(" – ") as [string, string])
            : ["", line];
      const table =
        option === undefined
          ? expected.get(key(question, row, round, "mean"))
          : expected.get(key(question, row, option, round, "share"));
      const shown =
        value === "skjult" || value === "–" ? value : option === undefined ? value : shareOf(value);
      expect({ figureKey, shown }).toEqual({ figureKey, shown: table ?? "–" });
    }
  });

  it("shows the same referral rates on the page and in the deck", async () => {
    const { expected, page, deck } = await renderAll(report, referrals);
    expect(only(page, ["rate"])).toEqual(only(expected, ["rate"]));
    expect(only(deck, ["rate"])).toEqual(only(expected, ["rate"]));
    expect(Object.values(only(deck, ["rate"]))).toContain("skjult");
  });
});

describe("the agreement check itself", () => {
  it("catches one figure that differs in one rendering", async () => {
    // The deck is built from a report with one shown share changed; the page and the tablet not.
    const altered: Report = structuredClone(akutReport);
    const kendskab = altered.questions.find((q) => q.id === "akut.kendskab");
    const followUp = kendskab?.perRound[1];
    const option =
      followUp !== undefined && "options" in followUp
        ? followUp.options.find((o) => o.cell.status === "shown" && o.cell.count > 0)
        : undefined;
    if (option === undefined || option.cell.status !== "shown")
      throw new Error("the fixture has no shown share to alter");
    option.cell = { ...option.cell, share: option.cell.share - 0.1 };
    const { expected, deck } = await renderAll(akutReport, referrals, altered);
    const differing = Object.entries(only(deck, ["share"])).filter(
      ([k, v]) => expected.get(k) !== v,
    );
    expect(differing.map(([k]) => k)).toEqual([
      key(kendskab?.text.da ?? "", "", option.label.da, akutReport.rounds[1]?.label ?? "", "share"),
    ]);
  });
});
