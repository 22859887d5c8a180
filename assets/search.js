// Site search. The header's search form is hidden in the HTML (it needs this script) and shown
// here. Queries go to Pagefind's index of the page's own language: pagefind/pagefind.js picks
// it from <html lang>, so a search never leaves the locale. Every text comes from the form's
// data attributes (Fluent messages, one per CLDR plural category for the result count).
// Pagefind runs in the browser from the site's own files: no server, no third-party request.

const MAX_RESULTS = 10;

const form = document.querySelector("form[data-search]");
if (form) setUp(form);

function setUp(form) {
  const input = form.querySelector("input[type=search]");
  const status = form.querySelector("[role=status]");
  const list = form.querySelector(".site-search-results");
  const root = new URL(form.dataset.root || "./", location.href);
  const plural = new Intl.PluralRules(document.documentElement.lang || "en");
  let loading = null;
  let latest = 0;

  // Pagefind is loaded once, on first use; a failure is shown, and retried on the next query.
  const load = () => {
    loading ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    });
    loading.catch(() => { loading = null; });
    return loading;
  };

  const clear = () => {
    list.replaceChildren();
    list.hidden = true;
    status.textContent = "";
    form.classList.remove("is-open");
  };

  const countText = (count) => {
    if (count === 0) return form.dataset.noResults;
    const key = "results" + capitalize(plural.select(count));
    const template = form.dataset[key] ?? form.dataset.resultsOther ?? "{count}";
    return template.replaceAll("{count}", String(count));
  };

  const run = async () => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) return clear();
    let total;
    let pages;
    try {
      const pagefind = await load();
      const search = await pagefind.debouncedSearch(query, {}, 150);
      if (search === null || mine !== latest) return; // a newer query took over
      total = search.results.length;
      pages = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    } catch {
      if (mine !== latest) return;
      list.replaceChildren();
      list.hidden = true;
      status.textContent = form.dataset.error;
      form.classList.add("is-open");
      return;
    }
    if (mine !== latest) return;
    list.replaceChildren(...pages.map(resultItem));
    list.hidden = pages.length === 0;
    status.textContent = countText(total);
    form.classList.add("is-open");
  };

  form.hidden = false;
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape" && input.value) {
      input.value = "";
      clear();
      input.focus();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    }
  });
}

function resultItem(page) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = page.url;
  link.textContent = page.meta?.title || page.url;
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(page.excerpt || ""));
  item.append(link, excerpt);
  return item;
}

// Pagefind's excerpt is escaped page text with <mark> around the matches: keep the text and
// the marks, nothing else.
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
