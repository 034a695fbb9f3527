import { describe, expect, it } from "vitest";
import {
  baseline,
  generatedAt,
  oneRoundReport,
  referrals,
  twoRoundReport,
  xss,
  ydernumre,
} from "./fixtures/report.js";
import { textOf, unzipDeck as unzip } from "./fixtures/unzipDeck.js";

describe("buildDeck: baseline and follow-up of the rehab questionnaire", () => {
  const deck = unzip({ report: twoRoundReport, referrals, locale: "da", generatedAt });

  it("has a title slide, a chart slide per question, text, comparison and referral slides", async () => {
    const { slides } = await deck;
    // 1 title
    // 4 chart slides: kendskab, henvisningsmaade, barrierer, oplysninger (the others are free text)
    // 6 text slides: "Andet" of henvisningsmaade (baseline, 5 texts); oplevelse (baseline 7,
    //   follow-up 5: one slide per round); henvise-flere and manglende-tilbud (withheld or
    //   unanswered: one slide saying so each); kommentarer (baseline 6)
    // 3 comparison slides, at most 13 rows a slide: the follow-up (9 respondents) has counts
    //   everyone chose, withheld by the group-disclosure rule with the zeros beside them, so
    //   more options are "skjult" instead of left out as chosen by nobody
    // 1 referral slide: 2 offers
    expect(slides).toHaveLength(1 + 4 + 6 + 3 + 1);
  });

  it("puts the cluster, municipality, both rounds with their response rates and the date on the title slide", async () => {
    const title = textOf((await deck).slides[0] ?? "");
    expect(title).toContain("Klynge Syd + Vejle Kommune");
    expect(title).toContain(
      "Baseline, marts 2027: 12 af 15 inviterede har svaret (svarprocent 80\u00a0%)",
    );
    expect(title).toContain(
      "Opfølgning, oktober 2027: 9 af 14 inviterede har svaret (svarprocent 64\u00a0%)",
    );
    expect(title).toContain("Udarbejdet 20. oktober 2027");
  });

  it("draws native bar charts: one per question with options and one of referrals", async () => {
    const { slides, charts } = await deck;
    expect(charts).toHaveLength(5);
    for (const chart of charts) expect(chart).toContain('<c:barChart><c:barDir val="');
    const kendskab = slides[1] ?? "";
    expect(textOf(kendskab)).toContain(
      "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?",
    );
    expect(textOf(kendskab)).toContain("Baseline, marts 2027: Besvaret af 12");
    expect(textOf(kendskab)).toContain("Opfølgning, oktober 2027: Besvaret af 9");
    expect(kendskab).toContain("<p:graphicFrame");
    // Both rounds are series of the first chart, its withheld shares gaps, never 0.
    const first = charts[0] ?? "";
    expect(first).toContain("<c:v>Baseline, marts 2027</c:v>");
    expect(first).toContain("<c:v>Opfølgning, oktober 2027</c:v>");
    expect(first).toContain("<c:v></c:v>");
    expect(first).toContain("<c:v>0.5</c:v>");
    expect(textOf(kendskab)).toMatch(/Skjult.*Baseline, marts 2027: I høj grad, I mindre grad/);
  });

  it("says 'skjult' beside an option whose bar is withheld, naming the round, never a bar of 0", async () => {
    const { charts } = await deck;
    const first = charts[0] ?? "";
    // "I høj grad" is withheld in both rounds; "I mindre grad" in the baseline only.
    expect(first).toContain("<c:v>I høj grad (skjult)</c:v>");
    expect(first).toContain("<c:v>I mindre grad (skjult: Baseline, marts 2027)</c:v>");
    expect(first).toContain("<c:v>I nogen grad (skjult: Opfølgning, oktober 2027)</c:v>");
  });

  it("lists the rounds under each chart in the bars' order, baseline first", async () => {
    const { slides, charts } = await deck;
    // The question charts (the referral chart, one series, keeps its own).
    for (const chart of charts.slice(0, 4)) expect(chart).not.toContain("<c:legend>");
    const legend = textOf(slides[1] ?? "");
    const first = legend.lastIndexOf("Baseline, marts 2027");
    const second = legend.lastIndexOf("Opfølgning, oktober 2027");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
  });

  it("lists free texts as escaped text, never as markup", async () => {
    const { slides } = await deck;
    const withPayload = slides.filter((xml) => xml.includes("&lt;img src=x onerror=alert(1)&gt;"));
    expect(withPayload.length).toBe(2); // a free text and an "Andet" text
    for (const xml of slides) expect(xml).not.toContain("<img");
    expect(textOf(withPayload.join(""))).toContain("Fint samarbejde med sundhedscentret");
    expect(xss).toContain("<img");
  });

  it("compares the rounds in percentage points, withheld changes as 'skjult'", async () => {
    const { slides } = await deck;
    const comparison = textOf(slides.slice(11, 14).join(""));
    expect(comparison).toContain("Udvikling: Baseline, marts 2027 → Opfølgning, oktober 2027");
    expect(comparison).toMatch(/Via forløbsplan 42\u00a0% 56\u00a0% \+14 procentpoint/);
    // The side the question's slide shows is shown here too.
    expect(comparison).toMatch(/Telefonisk skjult \d+\u00a0% skjult/);
  });

  it("shows referral rates under pseudonyms, a withheld one as fewer than 5, and no ydernummer", async () => {
    const { slides, charts } = await deck;
    const referralSlide = slides[14] ?? "";
    const referralChart = charts[4] ?? "";
    expect(textOf(referralSlide)).toContain("Henvisninger pr. 1.000 tilknyttede patienter");
    expect(textOf(referralSlide)).toMatch(
      /Praksis [A-D] \(Diabetes\): <5 \(færre end 5 henvisninger\)/,
    );
    for (const pseudonym of referrals.pseudonyms) {
      expect(referralChart).toContain(`<c:v>${pseudonym}</c:v>`);
    }
    for (const ydernummer of ydernumre) {
      for (const xml of [...slides, ...charts]) expect(xml).not.toContain(ydernummer);
    }
  });
});

describe("buildDeck: one round, in English", () => {
  it("marks withheld options in the category labels and leaves out comparison and referrals", async () => {
    const { slides, charts } = await unzip({
      report: oneRoundReport,
      referrals: null,
      locale: "en",
      generatedAt,
    });
    // title + 4 chart slides + 5 text slides (Andet, oplevelse, henvise-flere,
    // manglende-tilbud, kommentarer); no comparison, no referral slide.
    expect(slides).toHaveLength(1 + 4 + 5);
    expect(charts).toHaveLength(4);
    expect(charts[0]).toContain("<c:v>To a great extent (hidden)</c:v>");
    expect(textOf(slides[0] ?? "")).toContain(baseline.label);
    expect(textOf(slides[0] ?? "")).toContain("Prepared 20 October 2027");
  });
});
