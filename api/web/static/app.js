/* intelgraph workbench: a shell over the JSON API.
 *
 * Pages are hash routes (#/search, #/entity/ID, #/document/ID?passage=PID, #/brief, #/sources),
 * each drawn from API answers. The API key is asked once, kept in sessionStorage (this
 * tab only) and sent as X-API-Key on every call; the role from GET /session decides which
 * controls are drawn, and the API checks every call anyway. Everything is built with DOM
 * calls (no innerHTML), so text from documents is never parsed as markup. When a page is
 * drawn, <main> gets data-ready="<page>" and a `ready` performance mark (tests, bench).
 */
"use strict";

const KEY_STORE = "intelgraph.apiKey";
const main = document.getElementById("main");
const statusBox = document.getElementById("status");
let session = null; // {role, entity_types, relationship_types, reliability}
let renderSeq = 0;

// ---- DOM -------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

let fieldSeq = 0;
function field(label, input) {
  const id = input.id || `f${++fieldSeq}`;
  input.id = id;
  return el("div", { class: "field" }, el("label", { for: id }, label), input);
}

function select(name, options, value, emptyLabel) {
  const s = el("select", { name });
  if (emptyLabel !== undefined) s.append(el("option", { value: "" }, emptyLabel));
  for (const o of options) {
    const opt = el("option", { value: o.value }, o.label);
    if (String(o.value) === String(value ?? "")) opt.selected = true;
    s.append(opt);
  }
  return s;
}

function say(text) {
  statusBox.textContent = text;
  if (text) setTimeout(() => { if (statusBox.textContent === text) statusBox.textContent = ""; }, 4000);
}

const enc = encodeURIComponent;
const entityHref = (id) => `#/entity/${enc(id)}`;
const documentHref = (id, passage) => `#/document/${enc(id)}` + (passage ? `?passage=${enc(passage)}` : "");
const polarityBadge = (p) => p ? el("span", { class: `badge ${p}` }, p) : null;

// ---- API -------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, { method = "GET", body, accept = "application/json", raw = false } = {}) {
  const headers = { "X-API-Key": sessionStorage.getItem(KEY_STORE) || "", Accept: accept };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try { message = (await res.json()).error.message || message; } catch (_) { /* not JSON */ }
    if (res.status === 401) { sessionStorage.removeItem(KEY_STORE + ".session"); askKey(message); }
    throw new ApiError(res.status, message);
  }
  return raw || accept !== "application/json" ? res.text() : res.json();
}

// ---- the key ---------------------------------------------------------------------------------

const dialog = document.getElementById("key-dialog");
const keyInput = document.getElementById("key-input");
const keyError = document.getElementById("key-error");

function askKey(message) {
  keyError.textContent = message && sessionStorage.getItem(KEY_STORE) ? message : "";
  if (!dialog.open) dialog.showModal();
  keyInput.focus();
}

document.getElementById("key-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  sessionStorage.setItem(KEY_STORE, keyInput.value.trim());
  sessionStorage.removeItem(KEY_STORE + ".session");
  try {
    await loadSession();
    keyInput.value = "";
    dialog.close();
    route();
  } catch (err) {
    sessionStorage.removeItem(KEY_STORE);
    sessionStorage.removeItem(KEY_STORE + ".session");
    keyError.textContent = err.message;
    if (!dialog.open) dialog.showModal();
  }
});
dialog.addEventListener("cancel", (ev) => { if (!session) ev.preventDefault(); });
document.getElementById("change-key").addEventListener("click", () => askKey(""));

// The session (role, vocabularies) is asked once per key and kept beside it in this tab.
async function loadSession() {
  const cached = sessionStorage.getItem(KEY_STORE + ".session");
  session = cached ? JSON.parse(cached) : await api("/session");
  sessionStorage.setItem(KEY_STORE + ".session", JSON.stringify(session));
  document.getElementById("role").textContent = `Signed in as ${session.role}`;
  document.getElementById("change-key").hidden = false;
  document.body.dataset.role = session.role;
}

// ---- routing ---------------------------------------------------------------------------------

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const [page, ...rest] = path.split("/");
  return { page: page || "search", arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
           params: new URLSearchParams(query || "") };
}

function go(page, params, arg) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const s = q.toString();
  location.hash = `#/${page}${arg ? "/" + enc(arg) : ""}${s ? "?" + s : ""}`;
}

const PAGES = { search: searchPage, entity: entityPage, document: documentPage, brief: briefPage,
                sources: sourcesPage };

async function route() {
  if (!session) return;
  const { page, arg, params } = parseHash();
  const draw = PAGES[page] || searchPage;
  const seq = ++renderSeq;
  main.setAttribute("aria-busy", "true");
  delete main.dataset.ready;
  delete main.dataset.graph;
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === page) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  let content;
  const after = []; // this drawing's callbacks, run once it is in the document (graph, scrolling)
  try {
    content = await draw(arg, params, after);
  } catch (err) {
    content = [el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, err.message)];
  }
  if (seq !== renderSeq) return; // a later navigation won
  main.replaceChildren(...[content].flat());
  main.removeAttribute("aria-busy");
  window.scrollTo(0, 0); // a new page starts at its top (a cited passage scrolls itself into view below)
  for (const f of after) f();
  main.dataset.ready = page;
  performance.mark("ready");
  const h1 = main.querySelector("h1");
  if (h1) document.title = `${h1.textContent} – intelgraph`;
  if (!main.querySelector(".target")) main.focus({ preventScroll: true });
}

// Cytoscape (440 kB) is loaded by the first page that draws a graph, not by every page.
let cytoscapeLoading = null;
function loadCytoscape() {
  cytoscapeLoading ||= new Promise((resolve) => {
    const s = el("script", { src: "/web/vendor/cytoscape.min.js" });
    s.addEventListener("load", () => resolve(window.cytoscape));
    s.addEventListener("error", () => resolve(null));
    document.head.append(s);
  });
  return cytoscapeLoading;
}

// ---- search ----------------------------------------------------------------------------------

async function searchPage(_, params) {
  const q = params.get("q") || "";
  const form = el("form", { role: "search", class: "row", onsubmit: (ev) => {
    ev.preventDefault();
    go("search", { q: new FormData(ev.target).get("q") });
  } }, field("Search entities, documents and statements", el("input", { name: "q", type: "search", value: q,
                                                                         required: true, id: "q" })),
     el("button", { type: "submit" }, "Search"));
  const out = [el("h1", {}, q ? `Search: ${q}` : "Search"), form];
  if (!q) {
    out.push(el("p", { class: "muted" }, "Find an entity by name or alias, a document or a statement by its words."));
    return out;
  }
  const filters = {};
  for (const k of ["type", "kind", "source", "since", "until"]) if (params.get(k)) filters[k] = params.get(k);
  const res = await api("/search?" + new URLSearchParams({ q, limit: "20", ...filters }));
  const setFilter = (k, v) => go("search", { q, ...filters, [k]: v });
  const facetSelect = (label, key, values) => {
    const s = select(key, values.map((f) => ({ value: f.value, label: `${f.label || f.value} (${f.count})` })),
                     filters[key], "Any");
    s.addEventListener("change", () => setFilter(key, s.value));
    return field(label, s);
  };
  const months = res.documents.facets.month;
  const dateInput = (key) => {
    const i = el("input", { type: "date", name: key, value: filters[key] || "" });
    i.addEventListener("change", () => setFilter(key, i.value));
    return i;
  };
  const facets = el("fieldset", { class: "facets" }, el("legend", {}, "Filters"),
    facetSelect("Entity type", "type", res.entities.facets.type),
    facetSelect("Statement kind", "kind", res.statements.facets.kind),
    facetSelect("Source", "source", res.documents.facets.source),
    field("Published since", dateInput("since")),
    field("Published until", dateInput("until")),
    Object.keys(filters).length ? el("button", { type: "button", class: "secondary", onclick: () => go("search", { q }) },
                                     "Clear filters") : null);
  const monthChips = months.length ? el("nav", { "aria-label": "Documents by month" },
    el("ul", { class: "chips" }, months.map((m) => {
      const [y, mo] = m.value.split("-").map(Number);
      const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
      const href = "#/search?" + new URLSearchParams({ q, ...filters, since: `${m.value}-01`, until: last });
      return el("li", {}, el("a", { href }, `${m.value} (${m.count})`));
    }))) : null;
  const section = (title, id, page, render) => el("section", { "aria-labelledby": id },
    el("h2", { id }, `${title} (${page.total ?? page.items.length}${page.next_offset ? "+" : ""})`),
    page.items.length ? el("ul", { class: "hits" }, page.items.map(render)) : el("p", { class: "muted" }, "None."));
  out.push(facets, monthChips, el("div", { class: "cols" },
    section("Entities", "h-entities", res.entities, (e) => el("li", {},
      el("a", { href: entityHref(e.id) }, e.name || e.id), " ", el("span", { class: "badge" }, e.type || "?"),
      el("div", { class: "muted" }, `${e.mentions} mentions`,
         e.aliases.length > 1 ? ` · also ${e.aliases.filter((a) => a !== e.name).join(", ")}` : ""))),
    section("Documents", "h-documents", res.documents, (d) => el("li", {},
      el("a", { href: documentHref(d.id, d.passage_id) }, d.title || d.id),
      el("div", { class: "muted" }, [d.published, d.source, d.reliability].filter(Boolean).join(" · ")),
      d.snippet ? el("div", {}, d.snippet.length > 300 ? d.snippet.slice(0, 300) + "…" : d.snippet) : null)),
    section("Statements", "h-statements", res.statements, (s) => el("li", {},
      el("span", { class: "badge" }, s.kind || "?"), " ", polarityBadge(s.polarity), " ",
      el("a", { href: documentHref(s.document_id, s.passage_id) }, s.text),
      el("div", { class: "muted" }, [s.published, s.source].filter(Boolean).join(" · "))))));
  return out;
}

// ---- entity ----------------------------------------------------------------------------------

async function entityPage(id, _, after) {
  const [entity, profile, claims, history] = await Promise.all([
    api(`/entities/${enc(id)}`), api(`/entities/${enc(id)}/profile`),
    api(`/entities/${enc(id)}/claims?limit=50`), api(`/entities/${enc(id)}/history`)]);
  const votes = profile.type_votes;
  const byLabel = {};
  for (const v of votes) byLabel[v.label] = (byLabel[v.label] || 0) + v.mentions;
  const months = {};
  for (const d of profile.documents) if (d.published) months[d.published.slice(0, 7)] = (months[d.published.slice(0, 7)] || 0) + 1;
  const maxMonth = Math.max(1, ...Object.values(months));
  const aliases = entity.aliases.filter((a) => a !== entity.name);

  const head = [
    el("h1", {}, entity.name || entity.id, " ", el("span", { class: "badge" }, entity.type || "?")),
    el("p", { class: "muted" }, `${entity.mentions} mentions in ${entity.document_count} documents · `,
       `${entity.claims} claims · ${entity.relations} relationships · id ${entity.id}`),
    el("p", {}, el("strong", {}, "Also known as: "), aliases.length ? aliases.join(", ") : "no other names"),
  ];
  const typeEvidence = el("section", { "aria-labelledby": "h-type" }, el("h2", { id: "h-type" }, "Type and its evidence"),
    el("p", {}, Object.entries(byLabel).map(([l, n]) => `${l}: ${n} mentions`).join("; ") || "No type votes recorded."),
    votes.length ? el("details", {}, el("summary", {}, `Per document (${votes.length})`),
      el("ul", {}, votes.map((v) => el("li", {}, el("a", { href: documentHref(v.document_id) }, v.title || v.document_id),
                                          ` (${v.published || "undated"}): ${v.label} × ${v.mentions}`)))) : null);
  const timeline = el("section", { "aria-labelledby": "h-time" }, el("h2", { id: "h-time" }, "Documents over time"),
    el("ul", { class: "bars", "aria-label": "Documents mentioning it, by month" }, Object.keys(months).sort().map((m) =>
      el("li", {}, el("span", {}, m), el("span", { class: "bar", style: `width:${(100 * months[m]) / maxMonth}%`,
                                                    "aria-hidden": "true" }), el("span", {}, months[m])))),
    el("details", {}, el("summary", {}, `All ${profile.documents.length} documents`),
      el("ol", {}, profile.documents.map((d) => el("li", {}, el("a", { href: documentHref(d.id) }, d.title || d.id),
                                                     ` (${d.published || "undated"}, ${d.mentions} mentions)`)))));
  const claimList = el("section", { "aria-labelledby": "h-claims" }, el("h2", { id: "h-claims" }, `Claims (${claims.items.length}${claims.next_offset ? "+" : ""})`),
    claims.items.length ? el("ul", { class: "hits" }, claims.items.map((c) => el("li", {},
      polarityBadge(c.polarity), " ", c.modality ? el("span", { class: "badge" }, c.modality) : null, " ",
      el("a", { href: documentHref(c.document_id, c.passage_id) }, c.text),
      el("div", { class: "muted" }, [c.published, c.source, c.attributed_to && `says ${c.attributed_to}`]
        .filter(Boolean).join(" · "))))) : el("p", { class: "muted" }, "No claims about it."));
  const hist = el("section", { "aria-labelledby": "h-hist" }, el("h2", { id: "h-hist" }, "Curation history"),
    history.actions.length ? el("ol", { id: "history" }, history.actions.map((a) => el("li", {},
      `${a.curated_at.slice(0, 19).replace("T", " ")}: ${a.action} `, a.target_name || a.target,
      a.argument ? ` → ${a.argument}` : "", ` by ${a.curator}`, a.reason ? ` (${a.reason})` : "")))
      : el("p", { class: "muted" }, "No curation yet."));
  const graph = graphSection(entity, after);
  const left = el("div", {}, graph, claimList);
  const right = el("div", {}, typeEvidence, timeline, hist, session.role === "writer" ? curationPanel(entity) : null);
  return [...head, el("div", { class: "two" }, left, right)];
}

function curationPanel(entity) {
  const act = (action, build) => async (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(ev.target));
    for (const k of Object.keys(data)) if (!data[k]) delete data[k];
    if (action === "reject" && !confirm(`Reject ${entity.name}? It is removed from the graph; its passages stay.`)) return;
    try {
      const res = await api(`/entities/${enc(entity.id)}/${action}`, { method: "POST", body: build(data) });
      say(`${action}: done`);
      if (res.entity) { if (res.entity.id !== entity.id) go("entity", {}, res.entity.id); else route(); }
      else go("search", {});
    } catch (err) { say(`${action} failed: ${err.message}`); }
  };
  const reason = () => field("Reason", el("input", { name: "reason", maxlength: "1000" }));
  return el("section", { class: "curation", "aria-labelledby": "h-cur", id: "curation" },
    el("h2", { id: "h-cur" }, "Curate"),
    el("form", { onsubmit: act("rename", (d) => d), "aria-label": "Rename" }, el("div", { class: "row" },
      field("New name", el("input", { name: "name", required: true, maxlength: "200" })), reason(),
      el("button", { type: "submit" }, "Rename"))),
    el("form", { onsubmit: act("retype", (d) => d), "aria-label": "Retype" }, el("div", { class: "row" },
      field("New type", select("type", session.entity_types.map((t) => ({ value: t, label: t })), entity.type)),
      reason(), el("button", { type: "submit" }, "Retype"))),
    el("form", { onsubmit: act("merge", (d) => d), "aria-label": "Merge" }, el("div", { class: "row" },
      field("Merge into this one (id, name or alias)", el("input", { name: "entity", required: true, maxlength: "300" })),
      reason(), el("button", { type: "submit" }, "Merge"))),
    el("form", { onsubmit: act("reject", (d) => d), "aria-label": "Reject" }, el("div", { class: "row" },
      reason(), el("button", { type: "submit", class: "danger" }, "Reject: not an entity"))));
}

// The neighbourhood: Cytoscape draws it; a list of buttons beside it does the same by keyboard.
// Each expanded node's links come from GET /entities/{id}/graph; a filter change asks again
// for every expanded node.
function graphSection(entity, after) {
  const state = { nodes: new Map(), edges: new Map(), expanded: [], rel: "", since: "", until: "", cy: null };
  const box = el("div", { id: "cy", role: "img", "aria-label": `Neighbourhood graph of ${entity.name}` });
  const list = el("ul", { class: "node-list", id: "node-list", "aria-label": "Nodes in the graph" });
  const info = el("p", { class: "muted", id: "graph-info", "aria-live": "polite" });
  const relSelect = select("rel", [], "", "All links");
  const since = el("input", { type: "date", name: "graph-since" });
  const until = el("input", { type: "date", name: "graph-until" });
  relSelect.addEventListener("change", () => { state.rel = relSelect.value; reload(); });
  since.addEventListener("change", () => { state.since = since.value; reload(); });
  until.addEventListener("change", () => { state.until = until.value; reload(); });

  async function fetchLinks(id) {
    const q = new URLSearchParams();
    for (const k of ["rel", "since", "until"]) if (state[k]) q.set(k, state[k]);
    const g = await api(`/entities/${enc(id)}/graph?${q}`);
    if (relSelect.options.length === 1) {
      for (const t of g.link_types) relSelect.append(el("option", { value: t.type }, `${t.type}: ${t.label}`));
    }
    for (const n of g.nodes) if (!state.nodes.has(n.id)) state.nodes.set(n.id, n);
    for (const e of g.edges) state.edges.set(`${e.type}|${e.source}|${e.target}|${e.predicate || ""}`, e);
  }
  async function expand(id) {
    if (!state.expanded.includes(id)) state.expanded.push(id);
    await Promise.all([fetchLinks(id), loadCytoscape()]);
    draw();
  }
  async function reload() {
    state.nodes.clear(); state.edges.clear();
    for (const id of state.expanded) await fetchLinks(id);
    await loadCytoscape();
    draw();
  }
  function draw() {
    const size = (n) => Math.round(18 + 6 * Math.sqrt(n.mentions || 0));
    const nodes = [...state.nodes.values()];
    const edges = [...state.edges.entries()];
    const elements = [
      ...nodes.map((n) => ({ data: { id: n.id, label: (n.name || n.id).slice(0, 40), size: size(n) },
        classes: [n.id === entity.id ? "centre" : "", state.expanded.includes(n.id) ? "expanded" : ""].join(" ") })),
      ...edges.map(([key, e]) => ({ data: { id: key, source: e.source, target: e.target,
        label: e.predicate || e.type.toLowerCase() }, classes: e.type })),
    ];
    info.textContent = `${nodes.length} entities, ${edges.length} links. Double-click a node, or use its ` +
      "Expand button, to add its links; node size is mentions.";
    list.replaceChildren(...nodes.map((n) => el("li", {},
      state.expanded.includes(n.id) ? el("span", { class: "muted" }, "expanded: ")
        : el("button", { type: "button", class: "secondary", "data-expand": n.id,
                         onclick: () => expand(n.id).catch((e) => say(e.message)) }, `Expand ${n.name || n.id}`),
      " ", el("a", { href: entityHref(n.id) }, n.name || n.id), " ", el("span", { class: "badge" }, n.type || "?"),
      ` ${n.mentions} mentions`)));
    if (!window.cytoscape) { info.textContent += " (graph drawing unavailable)"; main.dataset.graph = "ready"; return; }
    if (!state.cy) {
      state.cy = window.cytoscape({ container: box, elements, style: [
        { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)",
                                     "font-size": 10, "background-color": "#5b7fb5", color: "#1b1f24" } },
        { selector: "node.centre", style: { "background-color": "#e36209" } },
        { selector: "node.expanded", style: { "border-width": 2, "border-color": "#1b1f24" } },
        { selector: "edge", style: { width: 1.5, "line-color": "#9aa4ae", label: "data(label)", "font-size": 8,
                                     "curve-style": "bezier", "target-arrow-shape": "triangle",
                                     "target-arrow-color": "#9aa4ae", color: "#4a535e", "text-rotation": "autorotate" } },
        { selector: "edge.MENTIONS", style: { "line-style": "dotted", "target-arrow-shape": "none" } },
        { selector: "edge.ABOUT", style: { "line-style": "dashed" } },
      ] });
      state.cy.on("dbltap", "node", (ev) => expand(ev.target.id()).catch((e) => say(e.message)));
      state.cy.on("tap", "node", (ev) => { const n = state.nodes.get(ev.target.id());
        info.textContent = `${n.name}: ${n.type || "?"}, ${n.mentions} mentions`; });
    } else {
      state.cy.elements().remove();
      state.cy.add(elements);
    }
    state.cy.layout({ name: nodes.length > 80 ? "concentric" : "cose", animate: false, fit: true, padding: 20 }).run();
    main.dataset.graph = "ready";
    performance.mark("graph");
  }
  // the links are asked for with the page's other calls; drawn once the box is in the document
  state.expanded.push(entity.id);
  const first = Promise.all([fetchLinks(entity.id), loadCytoscape()]);
  after.push(() => first.then(draw).catch((e) => { info.textContent = e.message; }));
  return el("section", { "aria-labelledby": "h-graph" }, el("h2", { id: "h-graph" }, "Neighbourhood"),
    el("div", { class: "row graph-controls" }, field("Link type", relSelect), field("Since", since), field("Until", until)),
    box, info, el("details", { open: true }, el("summary", {}, "Nodes (keyboard)"), list));
}

// ---- document --------------------------------------------------------------------------------

const KIND_ORDER = ["Hypothesis", "Assumption", "Evidence", "Assessment", "Claim"];
function passageClass(p) {
  const k = KIND_ORDER.find((x) => p.kinds.includes(x));
  return k ? `k-${k}` : p.kinds.length ? "k-other" : "k-cited";
}

// Passages nest (a sentence in a paragraph) and may overlap: each is drawn as one <mark>
// holding the marks inside it, clipped at its parent's end; the target passage is drawn
// whole, first, so its mark's text is exactly the passage's text.
function markup(text, passages, targetId) {
  const target = passages.find((p) => p.id === targetId);
  const build = (a, b, ps) => {
    const out = [];
    let cur = a;
    const sorted = ps.map((p) => ({ ...p, start: Math.max(p.start, a), end: Math.min(p.end, b) }))
      .filter((p) => p.end > p.start).sort((x, y) => x.start - y.start || y.end - x.end);
    let i = 0;
    while (i < sorted.length) {
      const p = sorted[i++];
      if (p.start < cur) { if (p.end > cur) sorted.splice(i, 0, { ...p, start: cur }); continue; }
      if (p.start > cur) out.push(text.slice(cur, p.start));
      const inner = [];
      while (i < sorted.length && sorted[i].start < p.end) inner.push(sorted[i++]);
      const rest = inner.filter((q) => q.end > p.end).map((q) => ({ ...q, start: p.end }));
      out.push(markFor(p, build(p.start, p.end, inner)));
      sorted.splice(i, 0, ...rest);
      sorted.sort((x, y) => x.start - y.start || y.end - x.end);
      cur = p.end;
    }
    if (cur < b) out.push(text.slice(cur, b));
    return out;
  };
  // A mark holding other marks is not itself a control (controls must not nest): its own
  // text runs become the controls that select it.
  const markFor = (p, children, extra = {}) => {
    const nested = children.some((c) => c instanceof Element);
    const control = () => ({ "data-passage": p.id, tabindex: "0", role: "button", "aria-describedby": "passage-hint" });
    if (!nested) return el("mark", { class: `${passageClass(p)} ${extra.class || ""}`, ...control(), id: extra.id }, children);
    return el("mark", { class: `${passageClass(p)} ${extra.class || ""}`, "data-passage": p.id, id: extra.id,
                        tabindex: extra.id ? "-1" : null },
      children.map((c) => c instanceof Element || !String(c).trim() ? c : el("span", control(), c)));
  };
  if (!target) return build(0, text.length, passages);
  const others = passages.filter((p) => p !== target);
  const t = markFor(target, build(target.start, target.end, others), { class: "target", id: "target" });
  return [...build(0, target.start, others), t, ...build(target.end, text.length, others)];
}

async function documentPage(id, params, after) {
  const [doc, meta] = await Promise.all([api(`/documents/${enc(id)}/passages`), api(`/documents/${enc(id)}`)]);
  const targetId = params.get("passage");
  const text = doc.text || "";
  const body = el("div", { class: "doc-text", id: "doc-text" }, markup(text, doc.passages, targetId));
  const side = el("aside", { class: "side", "aria-labelledby": "h-side", id: "passage-panel", tabindex: "0" },
    el("h2", { id: "h-side" }, "Passage"), el("p", { class: "muted" }, "Select a highlighted passage to see what was extracted from it and where else it is cited."));
  async function show(pid, markNode) {
    for (const m of body.querySelectorAll("mark.selected")) m.classList.remove("selected");
    markNode?.closest("mark")?.classList.add("selected");
    const p = await api(`/passages/${enc(pid)}`);
    side.replaceChildren(el("h2", { id: "h-side" }, `Passage (${p.kind || "text"})`),
      el("blockquote", { id: "passage-text" }, p.text),
      el("h3", {}, "Extracted from it"),
      p.objects.length ? el("ul", {}, p.objects.map((x) => el("li", {}, el("span", { class: "badge" }, x.kind || "?"), " ",
        polarityBadge(x.polarity), " ", x.text || x.id))) : el("p", { class: "muted" }, "Nothing extracted."),
      el("h3", {}, "Mentions"),
      p.mentions.length ? el("ul", { class: "chips" }, p.mentions.map((e) => el("li", {},
        el("a", { href: entityHref(e.id) }, e.name), " ", el("span", { class: "badge" }, e.type || "?"))))
        : el("p", { class: "muted" }, "No entities."),
      el("h3", {}, "Cited elsewhere"),
      (p.briefs.length || p.elsewhere.length) ? el("ul", {},
        p.briefs.map((b) => el("li", {}, `Brief ${b.title || b.id} (${(b.created_at || "").slice(0, 10)})`)),
        p.elsewhere.map((o) => el("li", {}, "Same statement in ", el("a", { href: documentHref(o.document_id, o.passage_id) },
                                                                       o.title || o.document_id), ` (${o.published || "undated"})`)))
        : el("p", { class: "muted" }, "Not cited by a stored brief; not repeated in another document."));
  }
  const pick = (ev) => {
    const m = ev.target.closest("[data-passage]");
    if (!m || (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ")) return;
    ev.preventDefault();
    ev.stopPropagation();
    show(m.dataset.passage, m).catch((e) => say(e.message));
  };
  body.addEventListener("click", pick);
  body.addEventListener("keydown", pick);
  const present = new Set(doc.passages.map(passageClass));
  const legend = el("ul", { class: "legend", "aria-label": "Highlight colours" },
    [...KIND_ORDER.map((k) => `k-${k}`), "k-other", "k-cited"].filter((c) => present.has(c)).map((c) =>
      el("li", {}, el("mark", { class: c }, c === "k-other" ? "other statement" : c === "k-cited" ? "cited by a brief" : c.slice(2)))));
  if (targetId) {
    after.push(() => {
      const t = document.getElementById("target");
      if (t) { t.scrollIntoView({ block: "center" }); t.focus({ preventScroll: true }); show(targetId, t).catch(() => {}); }
    });
  }
  const info = [meta.published, meta.source?.name && `${meta.source.name} (${meta.source.reliability || "ungraded"})`,
                `${meta.word_count || 0} words`].filter(Boolean).join(" · ");
  return [el("h1", {}, doc.title || doc.id), el("p", { class: "muted" }, info),
    meta.topics?.length ? el("p", {}, el("strong", {}, "Topics: "), meta.topics.map((t) => t.name).join(", ")) : null,
    meta.entities?.length ? el("p", {}, el("strong", {}, "Main entities: "), meta.entities.slice(0, 12).flatMap((e, i) =>
      [i ? ", " : "", el("a", { href: entityHref(e.id) }, e.name)])) : null,
    legend, el("p", { id: "passage-hint", class: "muted" }, "Highlighted passages: select one (click, or Enter) to see what was extracted from it and where else it is cited."),
    el("div", { class: "two" }, el("article", { "aria-label": "Document text" }, body), side)];
}

// ---- brief -----------------------------------------------------------------------------------

async function briefPage(_, params) {
  const req = { topic: params.get("topic") || "", entity: params.get("entity") || "", since: params.get("since") || "",
                until: params.get("until") || "" };
  const form = el("form", { class: "row", id: "brief-form", onsubmit: (ev) => {
    ev.preventDefault();
    go("brief", Object.fromEntries(new FormData(ev.target)));
  } },
    field("Topic", el("input", { name: "topic", value: req.topic, required: true, maxlength: "200" })),
    field("Entity (optional)", el("input", { name: "entity", value: req.entity, maxlength: "200" })),
    field("Since", el("input", { name: "since", type: "date", value: req.since })),
    field("Until", el("input", { name: "until", type: "date", value: req.until })),
    el("button", { type: "submit" }, "Generate"));
  const out = [el("h1", {}, req.topic ? `Brief: ${req.topic}` : "Brief"), form];
  if (!req.topic) {
    out.push(el("p", { class: "muted" }, "Generate a brief for a topic (and optionally an entity and dates)."));
    return out;
  }
  const body = { topic: req.topic, format: "json" };
  for (const k of ["entity", "since", "until"]) if (req[k]) body[k] = req[k];
  const brief = await api("/briefs", { method: "POST", body });
  const exportAs = (fmt, ext, type) => async () => {
    const text = await api("/briefs", { method: "POST", body: { ...body, format: fmt }, accept: type, raw: true });
    const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: `brief.${ext}` });
    document.body.append(a); a.click(); a.remove();
  };
  const docOf = {};
  for (const s of brief.sources) docOf[s.n] = s;
  const cite = (c) => el("a", { class: "cite", href: documentHref(c.document_id, c.passage_id), "data-passage": c.passage_id,
                                 "aria-label": `Source ${c.n}: ${docOf[c.n]?.title || c.document_id}` }, `[${c.n}]`);
  const statement = (s) => el("li", {}, s.text, " ",
    s.confidence ? el("span", { class: "badge" }, `${s.confidence} confidence`) : null, " ",
    s.likelihood ? el("span", { class: "badge" }, s.likelihood.label) : null, " ",
    el("span", { class: "badge", title: s.grade.label }, s.grade.code), " ",
    s.date ? el("span", { class: "muted" }, s.date) : null, s.citations.map(cite),
    s.superseded_by ? el("span", { class: "muted" }, " (superseded by a newer judgement)") : null);
  const sections = brief.sections.map((sec) => {
    const flags = sec.statements.filter((s) => s.kind.startsWith("red_flag:"));
    const rest = sec.statements.filter((s) => !s.kind.startsWith("red_flag:"));
    const groups = {};
    for (const f of flags) (groups[f.kind.slice(9)] ||= []).push(f);
    const hid = `h-${sec.key}`;
    return el("section", { "aria-labelledby": hid }, el("h2", { id: hid }, sec.title),
      rest.length ? el("ul", { class: "statements" }, rest.map(statement)) : (flags.length ? null : el("p", { class: "muted" }, "Nothing found.")),
      flags.length ? el("section", { "aria-label": "Red flags", class: "red-flags" }, el("h3", {}, "Red flags"),
        Object.entries(groups).map(([kind, items]) => [el("h4", {}, `${kind.replace(/_/g, " ")} (${items.length})`),
          el("ul", { class: "statements" }, items.map(statement))])) : null,
      sec.key === "hypotheses" ? brief.ach.map(achTable) : null);
  });
  function achTable(m) {
    const labels = m.hypotheses.map((h) => h.label);
    return el("div", { class: "scroll" }, el("table", { class: "ach" },
      el("caption", {}, `ACH matrix: ${m.title || m.document_id}`, m.favored_label ? ` (favours ${m.favored_label})` : ""),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Evidence"),
        m.hypotheses.map((h) => el("th", { scope: "col", title: h.statement }, `${h.label}${h.favored ? " ★" : ""}`)))),
      el("tbody", {}, m.evidence.map((e) => el("tr", {}, el("th", { scope: "row" }, e.text, " ", cite(e.citation),
                                                            e.diagnostic ? el("span", { class: "badge" }, "diagnostic") : null),
        labels.map((l) => el("td", {}, e.marks[l] || "-"))))),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "Inconsistent items"),
        m.hypotheses.map((h) => el("td", {}, String(h.inconsistent)))))));
  }
  out.push(el("p", {}, brief.overall.text),
    el("div", { class: "row", role: "group", "aria-label": "Export" },
      el("button", { type: "button", class: "secondary", onclick: exportAs("md", "md", "text/markdown") }, "Export Markdown"),
      el("button", { type: "button", class: "secondary", onclick: exportAs("html", "html", "text/html") }, "Export HTML"),
      el("button", { type: "button", class: "secondary", onclick: exportAs("json", "json", "application/json") }, "Export JSON")),
    ...sections,
    el("section", { "aria-labelledby": "h-sources" }, el("h2", { id: "h-sources" }, "Sources"),
      el("ol", {}, brief.sources.map((s) => el("li", { value: s.n }, el("a", { href: documentHref(s.document_id) }, s.title || s.document_id),
        ` · ${s.source} · ${s.published || "undated"} · ${s.grade.code}`)))));
  return out;
}

// ---- sources ---------------------------------------------------------------------------------

async function sourcesPage() {
  const page = await api("/sources?limit=200");
  const writer = session.role === "writer";
  const grades = session.reliability.map((g) => ({ value: g.notation, label: `${g.notation}: ${g.label}` }));
  const row = (s) => {
    const cells = [el("th", { scope: "row" }, s.name || s.id),
      el("td", {}, s.reliability ? `${s.reliability}: ${s.reliability_label}` : "ungraded"),
      el("td", {}, String(s.published)), el("td", {}, String(s.based_on)), el("td", {}, s.newest || "")];
    if (writer) {
      const sel = select("reliability", grades, s.reliability, "Choose…");
      sel.setAttribute("aria-label", `Grade for ${s.name}`);
      cells.push(el("td", {}, el("form", { class: "row", onsubmit: async (ev) => {
        ev.preventDefault();
        if (!sel.value) return;
        try {
          await api(`/sources/${enc(s.id)}/reliability`, { method: "PUT", body: { reliability: sel.value } });
          say(`${s.name}: graded ${sel.value}`);
          route();
        } catch (err) { say(err.message); }
      } }, sel, el("button", { type: "submit", "aria-label": `Set grade for ${s.name}` }, "Set"))));
    }
    return el("tr", { "data-source": s.id }, cells);
  };
  return [el("h1", {}, "Sources"),
    el("p", { class: "muted" }, "Reliability on the Admiralty scale (A completely reliable … F cannot be judged).",
       writer ? " You can set a grade." : ""),
    el("div", { class: "scroll" }, el("table", { id: "sources" },
      el("thead", {}, el("tr", {}, ["Source", "Reliability", "Published", "Based on it", "Newest"].map((h) =>
        el("th", { scope: "col" }, h)), writer ? el("th", { scope: "col" }, "Set grade") : null)),
      el("tbody", {}, page.items.map(row))))];
}

// ---- start -----------------------------------------------------------------------------------

window.addEventListener("hashchange", route);
(async () => {
  if (!sessionStorage.getItem(KEY_STORE)) { askKey(""); return; }
  try { await loadSession(); route(); } catch (err) { if (!(err instanceof ApiError && err.status === 401)) say(err.message); }
})();
