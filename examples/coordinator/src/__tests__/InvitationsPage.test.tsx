// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import jsQR from "jsqr";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InvitationsPage } from "../invitations/InvitationsPage.js";
import { parseMembers } from "../invitations/parseMembers.js";
import { defaultTexts } from "./fixtures/fakeRespondents.js";
import { type Handler, refuse } from "./fixtures/fetchStub.js";
import { clientFor, coordinatorAccess, renderApp, testServices } from "./fixtures/renderApp.js";
import { contactSession, coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const followUp = "klynge-syd.2027-10";

function setup(handlers: Record<string, Handler> = {}, round = followUp) {
  const collector = clientFor(coordinatorSession, handlers);
  const onChoose = vi.fn();
  render(
    <InvitationsPage
      client={collector.client}
      locale="da"
      cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
      access={coordinatorAccess}
      services={testServices()}
      round={round}
      onChoose={onChoose}
    />,
  );
  return { ...collector, onChoose };
}

async function section(name: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { level: 3, name });
  return heading.closest("section") as HTMLElement;
}

const fact = (container: HTMLElement, term: string) =>
  within(container).getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

describe("parseMembers", () => {
  it("reads a name and an e-mail, a name alone, Excel's two cells and `Name <e-mail>`, with each fault at its line", () => {
    const read = parseMembers(
      [
        "Anne Hansen; anne@praksis.dk",
        "",
        "Bent Holm",
        "Camilla Lund\tCAMILLA@Praksis.dk",
        "Dorte Kjær <dorte@praksis.dk>",
        "Erik Dahl; erik@praksis",
        "frida@praksis.dk",
        "Gitte; gitte@a.dk; gitte@b.dk",
        "Anne H.; anne@praksis.dk",
        "Hansen, Ib",
        "Jens Bak; jens@praksis.dk",
      ].join("\n"),
      ["jens@praksis.dk"],
    );
    expect(read.members).toEqual([
      { line: 1, name: "Anne Hansen", email: "anne@praksis.dk" },
      { line: 3, name: "Bent Holm" },
      { line: 4, name: "Camilla Lund", email: "camilla@praksis.dk" },
      { line: 5, name: "Dorte Kjær", email: "dorte@praksis.dk" },
      { line: 10, name: "Hansen, Ib" },
    ]);
    expect(read.issues).toEqual([
      { code: "bad_email", line: 6, received: "erik@praksis" },
      { code: "no_name", line: 7, received: "frida@praksis.dk" },
      { code: "two_emails", line: 8 },
      { code: "duplicate_email", line: 9, firstLine: 1, email: "anne@praksis.dk" },
      { code: "already_invited", line: 11, email: "jens@praksis.dk" },
    ]);
  });
});

describe("InvitationsPage, as the round's coordinator", () => {
  it("shows the pasted members as read, a bad line at its line, sends nothing until it is fixed, then creates them", async () => {
    const { stub } = setup();
    const invite = await section("Inviter medlemmer");
    const box = within(invite).getByLabelText("Medlemmer – én pr. linje");
    fireEvent.change(box, {
      target: {
        value:
          "Frida Friis; frida@praksis.example\n\nGustav Bak\nHanne Lund <HANNE@Praksis.example>\nIb Dahl; ib@praksis\n",
      },
    });
    const preview = within(invite).getByRole("heading", { name: "Det har Klynge læst" })
      .parentElement as HTMLElement;
    expect(within(preview).getByText("1 linje skal rettes")).toBeTruthy();
    expect(within(preview).getByRole("listitem").textContent).toBe(
      "Linje 5: «ib@praksis» er ikke en gyldig e-mail-adresse.",
    );
    const rows = within(preview)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "1Frida Friisfrida@praksis.example",
      "3Gustav Bak(ingen)",
      "4Hanne Lundhanne@praksis.example",
    ]);
    expect(preview.textContent).toContain("3 medlemmer, heraf 2 med e-mail.");
    expect(preview.textContent).toContain("1 medlem uden e-mail får ingen mail");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(box.getAttribute("aria-describedby")).toContain(preview.id);

    fireEvent.click(within(invite).getByRole("button", { name: "Opret 3 invitationer" }));
    expect((await within(invite).findByRole("alert")).textContent).toBe(
      "Ret de linjer, der er markeret, før invitationerne oprettes.",
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    expect(stub.callsOf("POST")).toHaveLength(0);

    fireEvent.change(box, {
      target: {
        value:
          "Frida Friis; frida@praksis.example\n\nGustav Bak\nHanne Lund <HANNE@Praksis.example>\n",
      },
    });
    fireEvent.click(within(invite).getByRole("button", { name: "Opret 3 invitationer" }));
    expect((await within(invite).findByRole("status")).textContent).toBe(
      "3 invitationer er oprettet. Send invitationen under «Mails».",
    );
    const [post] = stub.callsOf("POST", `/api/rounds/${followUp}/invitations`);
    expect(post?.body).toEqual({
      members: [
        { name: "Frida Friis", email: "frida@praksis.example" },
        { name: "Gustav Bak" },
        { name: "Hanne Lund", email: "hanne@praksis.example" },
      ],
    });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-karen");
    const answers = await section("Svar");
    await vi.waitFor(() => expect(fact(answers, "Inviterede")).toBe("8"));
    expect(
      within(answers).getByRole("heading", { name: "Har ikke svaret endnu (6)" }),
    ).toBeTruthy();
  });

  it("refuses a member already invited at their line", async () => {
    setup();
    const invite = await section("Inviter medlemmer");
    fireEvent.change(within(invite).getByLabelText("Medlemmer – én pr. linje"), {
      target: { value: "Bent Holm; bent@praksis.example" },
    });
    expect(invite.textContent).toContain(
      "Linje 1: bent@praksis.example er allerede inviteret til runden.",
    );
  });

  it("names only those who have not answered — never who has, nor anything anyone answered", async () => {
    const { stub } = setup();
    const answers = await section("Svar");
    expect(answers.textContent).toContain(
      "Siden viser kun, om et medlems link er brugt – aldrig, hvad nogen har svaret.",
    );
    expect(fact(answers, "Inviterede")).toBe("5");
    expect(fact(answers, "Links brugt")).toBe("2");
    expect(fact(answers, "Svar uden invitation (tablets, åbent link)")).toBe("1");
    expect(fact(answers, "Svarprocent")).toBe("60\u00a0% (3 svar af 5 inviterede)");
    const pending = within(answers).getByRole("list", { name: "Har ikke svaret endnu (3)" });
    expect(
      within(pending)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Bent Holm (mail sendt 20. april 2027)",
      "Camilla Lund (ingen e-mail)",
      "Erik Dahl (ingen mail sendt endnu)",
    ]);
    // Those who answered are named nowhere on the page, and no answer was asked for.
    expect(document.body.textContent).not.toContain("Asta Andersen");
    expect(document.body.textContent).not.toContain("Dorte Kjær");
    expect(document.body.textContent).not.toContain("asta@praksis.example");
    const asked = stub.calls.map((call) => new URL(call.url).pathname);
    expect(asked.some((path) => path.includes("responses") || path.includes("report"))).toBe(false);
  });

  it("sends a reminder only to those who have not answered, with kind reminder and the edited text, after a confirmation", async () => {
    const { stub, respondents } = setup();
    const mails = await section("Mails");
    fireEvent.click(within(mails).getByRole("radio", { name: "Påmindelse" }));
    const subject = (await within(mails).findByLabelText("Emne")) as HTMLInputElement;
    await vi.waitFor(() => expect(subject.value).toBe(defaultTexts.reminder.subject));
    const text = within(mails).getByLabelText("Tekst") as HTMLTextAreaElement;
    expect(text.value).toBe(defaultTexts.reminder.text);
    for (const placeholder of ["{navn}", "{link}", "{runde}", "{klynge}"]) {
      expect(within(mails).getByText(placeholder, { selector: "code" })).toBeTruthy();
    }
    expect(mails.textContent).toContain("Sendes til 2 medlemmer.");

    // A text without the link is stopped at the field.
    fireEvent.change(text, { target: { value: "Kære {navn}, husk at svare." } });
    fireEvent.click(within(mails).getByRole("button", { name: "Send påmindelsen …" }));
    expect(within(mails).getByText(/^Teksten skal indeholde \{link\}/)).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(text));

    fireEvent.change(text, { target: { value: "Kære {navn}\n\nHusk at svare: {link}" } });
    fireEvent.click(within(mails).getByRole("button", { name: "Send påmindelsen …" }));
    const question = within(mails).getByRole("group", {
      name: "Send påmindelsen til 2 medlemmer?",
    });
    await vi.waitFor(() => expect(document.activeElement).toBe(question));
    expect(stub.callsOf("POST")).toHaveLength(0);
    fireEvent.click(within(question).getByRole("button", { name: "Ja, send" }));
    expect((await within(mails).findByRole("status")).textContent).toBe(
      "2 mails sendt. 3 sprunget over (har svaret, har ingen e-mail eller har allerede fået invitationen). Ingen fejlede.",
    );
    const [post] = stub.callsOf("POST", `/api/rounds/${followUp}/invitations/mail`);
    expect(post?.body).toEqual({
      kind: "reminder",
      subject: defaultTexts.reminder.subject,
      text: "Kære {navn}\n\nHusk at svare: {link}",
    });
    expect(post?.headers["x-csrf-token"]).toBe("csrf-karen");
    expect(respondents.mails[0]?.to).toEqual(["bent@praksis.example", "erik@praksis.example"]);
  });

  it("sends the invitation to those not mailed yet", async () => {
    const { stub } = setup();
    const mails = await section("Mails");
    const subject = (await within(mails).findByLabelText("Emne")) as HTMLInputElement;
    await vi.waitFor(() => expect(subject.value).toBe(defaultTexts.invitation.subject));
    expect(mails.textContent).toContain("Sendes til 1 medlem.");
    fireEvent.click(within(mails).getByRole("button", { name: "Send invitationen …" }));
    fireEvent.click(within(mails).getByRole("button", { name: "Ja, send" }));
    expect((await within(mails).findByRole("status")).textContent).toMatch(/^1 mail sendt\./);
    expect(stub.callsOf("POST")[0]?.body).toMatchObject({ kind: "invitation" });
  });

  it("says plainly that no mails went when the server has no SMTP", async () => {
    setup({
      [`POST /api/rounds/${followUp}/invitations/mail`]: () => refuse("mail_not_configured"),
    });
    const mails = await section("Mails");
    await within(mails).findByDisplayValue(defaultTexts.invitation.subject);
    fireEvent.click(within(mails).getByRole("button", { name: "Send invitationen …" }));
    fireEvent.click(within(mails).getByRole("button", { name: "Ja, send" }));
    expect((await within(mails).findByRole("alert")).textContent).toBe(
      "Ingen mails blev sendt: Serveren er ikke sat op til at sende mails, så ingen mails blev sendt. Kontakt KiAP.",
    );
  });

  it("turns the open link on with its explanation, and says so", async () => {
    const { stub } = setup();
    const open = await section("Åbent link");
    const toggle = within(open).getByRole("switch", {
      name: "Åbent link: alle med linket kan svare",
    }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(open.textContent).toContain(
      "Alle med rundens link kan svare – højst så mange som inviterede (5). Runden markeres «åbent link» i rapporten",
    );
    expect(within(open).getByRole("link").getAttribute("href")).toBe(
      `https://klynge.example/frame/?round=${followUp}`,
    );
    fireEvent.click(toggle);
    expect((await within(open).findByRole("status")).textContent).toBe(
      "Det åbne link er slået til. Runden markeres «åbent link» i rapporten.",
    );
    const [put] = stub.callsOf("PUT", `/api/rounds/${followUp}/open-link`);
    expect(put?.body).toEqual({ open: true });
    expect(put?.headers["x-csrf-token"]).toBe("csrf-karen");
    await vi.waitFor(() => expect(toggle.checked).toBe(true));
  });

  it("makes anonymous links, each shown to copy with its state", async () => {
    const { stub } = setup();
    const invite = await section("Inviter medlemmer");
    fireEvent.click(within(invite).getByRole("radio", { name: "Et antal anonyme links" }));
    fireEvent.change(within(invite).getByLabelText("Antal anonyme links"), {
      target: { value: "3" },
    });
    fireEvent.click(within(invite).getByRole("button", { name: "Lav anonyme links" }));
    expect((await within(invite).findByRole("status")).textContent).toBe(
      "3 anonyme links er lavet. De står under «Anonyme links».",
    );
    expect(stub.callsOf("POST")[0]?.body).toEqual({ anonymous: 3 });
    const table = await screen.findByRole("table", { name: "Anonyme links (3)" });
    const link = within(table).getByLabelText("Anonymt link 1") as HTMLInputElement;
    expect(link.readOnly).toBe(true);
    expect(link.value).toMatch(/^https:\/\/klynge\.example\/frame\/\?round=.*#invitation=/);
    expect(within(table).getAllByText("Ikke brugt")).toHaveLength(3);
  });
});

/** Reads the QR code the page drew (its path, module by module) as a camera would. */
function decodeQr(svg: SVGElement): string | undefined {
  const size = Number(svg.getAttribute("viewBox")?.split(" ")[2]);
  const d = svg.querySelector("path")?.getAttribute("d") ?? "";
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px += 1) {
      for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1) {
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe("meeting keys", () => {
  it("makes a key for N hours, shows its link and a QR code that reads as the link, its window and cap, and revokes it only when confirmed", async () => {
    const { stub } = setup();
    const keys = await section("Mødenøgle til tablets");
    await within(keys).findByText("Ingen mødenøgler endnu.");
    fireEvent.change(within(keys).getByLabelText("Mødets længde i timer"), {
      target: { value: "2" },
    });
    fireEvent.click(within(keys).getByRole("button", { name: "Lav mødenøgle" }));
    expect((await within(keys).findByRole("status")).textContent).toBe(
      "Mødenøglen er lavet. Den tager højst 2 svar. Åbn linket eller scan QR-koden på hver tablet.",
    );
    expect(stub.callsOf("POST", `/api/rounds/${followUp}/meeting-keys`)[0]?.body).toEqual({
      hours: 2,
    });
    const card = (
      await within(keys).findByRole("heading", { level: 4, name: /^Mødenøgle fra / })
    ).closest("article") as HTMLElement;
    expect(fact(card, "Gælder")).toBe("2. maj 2027, 11.00 – 2. maj 2027, 13.00");
    expect(fact(card, "Svar kan sendes til")).toBe("9. maj 2027, 13.00");
    expect(fact(card, "Svar")).toBe("0 af højst 2");
    expect(fact(card, "Status")).toBe("Gælder nu");
    const link = within(card).getByRole("link").getAttribute("href") ?? "";
    expect(link).toMatch(/^https:\/\/klynge\.example\/app\/\?round=.*#key=/);
    const qr = within(card).getByRole("img", { name: "QR-kode med linket til tabletten" });
    expect(decodeQr(qr as unknown as SVGElement)).toBe(link);

    fireEvent.click(within(card).getByRole("button", { name: "Træk nøglen tilbage …" }));
    const question = within(card).getByRole("group", { name: "Trække mødenøglen tilbage?" });
    await vi.waitFor(() => expect(document.activeElement).toBe(question));
    expect(question.textContent).toContain("kan eksporteres derfra");
    fireEvent.click(within(question).getByRole("button", { name: "Fortryd" }));
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        within(card).getByRole("button", { name: "Træk nøglen tilbage …" }),
      ),
    );
    expect(stub.callsOf("DELETE")).toHaveLength(0);

    fireEvent.click(within(card).getByRole("button", { name: "Træk nøglen tilbage …" }));
    fireEvent.click(within(card).getByRole("button", { name: "Ja, træk den tilbage" }));
    expect((await within(card).findByRole("status")).textContent).toBe(
      "Mødenøglen er trukket tilbage. Tablets med den kan ikke længere sende svar.",
    );
    const [remove] = stub.callsOf("DELETE");
    expect(remove?.url).toBe(
      `https://klynge.example/api/rounds/${followUp}/meeting-keys/00000000-0000-4000-8000-000000000300`,
    );
    expect(remove?.headers["x-csrf-token"]).toBe("csrf-karen");
    await vi.waitFor(() => expect(fact(card, "Status")).toBe("Trukket tilbage"));
    expect(within(card).queryByRole("img")).toBeNull();
    expect(within(card).queryByRole("link")).toBeNull();
  });
});

describe("in the app", () => {
  async function go(hash: string): Promise<void> {
    await act(async () => {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
  }

  it("opens from a round's card for its coordinator, on the newest open round by default, in English too", async () => {
    renderApp(coordinatorSession, { path: "/coordinator/#/runder" });
    const heading = await screen.findByRole("heading", {
      level: 3,
      name: "Opfølgning, oktober 2027",
    });
    const card = heading.closest("article") as HTMLElement;
    const link = within(card).getByRole("link", { name: "Invitationer og svar" });
    expect(link.getAttribute("href")).toBe(`#/invitationer?round=${followUp}`);
    expect(fact(card, "Invitationer")).toBe("2 af 5 brugt");
    await go("#/invitationer");
    expect(
      await screen.findByRole("heading", {
        level: 2,
        name: "Invitationer og svar: Opfølgning, oktober 2027",
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(
      await screen.findByRole("heading", {
        level: 2,
        name: "Invitations and answers: Opfølgning, oktober 2027",
      }),
    ).toBeTruthy();
    expect(
      await screen.findByRole("heading", { level: 3, name: "Meeting key for tablets" }),
    ).toBeTruthy();
    expect(
      screen.getByRole("switch", { name: "Open link: anyone with the link may answer" }),
    ).toBeTruthy();
  });

  it("offers a municipality contact none of it, and the page refuses them without asking the server", async () => {
    const { stub } = renderApp(contactSession, { path: "/coordinator/#/runder" });
    const heading = await screen.findByRole("heading", {
      level: 3,
      name: "Opfølgning, oktober 2027",
    });
    const card = heading.closest("article") as HTMLElement;
    expect(within(card).queryByRole("link", { name: "Invitationer og svar" })).toBeNull();
    const nav = screen.getByRole("navigation", { name: "Sider" });
    expect(within(nav).queryByRole("link", { name: "Invitationer" })).toBeNull();
    await go(`#/invitationer?round=${followUp}`);
    expect(
      await screen.findByText(
        "Den side hører ikke til din rolle i den valgte klynge. Vælg en side i menuen.",
      ),
    ).toBeTruthy();
    expect(screen.queryByLabelText("Medlemmer – én pr. linje")).toBeNull();
    expect(screen.queryByRole("switch")).toBeNull();
    expect(stub.calls.some((call) => call.url.includes("/invitations"))).toBe(false);
    expect(stub.calls.some((call) => call.url.includes("/meeting-keys"))).toBe(false);
  });
});
