// bitext serve: keyboard flow, saving in place, memory matches, conflicts and live updates.
// The pages work without it: every action is a plain form.
"use strict";

(function () {
  const main = document.getElementById("main");
  const csrf = main ? main.dataset.csrf : null;
  const segments = () => Array.from(document.querySelectorAll(".segment"));

  function segmentOf(el) { return el.closest(".segment"); }
  function editorOf(seg) { return seg.querySelector("textarea[name=text]"); }

  function focusSegment(seg) {
    if (!seg) return;
    segments().forEach((s) => s.classList.remove("active"));
    seg.classList.add("active");
    const editor = editorOf(seg);
    seg.scrollIntoView({ block: "center" });
    if (editor) { editor.focus(); editor.setSelectionRange(editor.value.length, editor.value.length); }
  }

  // The next segment after `seg` that needs work, from the top after the last.
  function nextToDo(seg) {
    const all = segments();
    const here = all.indexOf(seg);
    const order = all.slice(here + 1).concat(all.slice(0, here));
    return order.find((s) => s.dataset.todo === "true") || null;
  }

  function field(form, name) { return form.querySelector("[name=" + name + "]"); }

  function seenOf(form) {
    return {
      english: field(form, "seen_english").value,
      translation: field(form, "seen_had").value === "1" ? field(form, "seen_translation").value : null,
    };
  }

  function setSeen(form, english, translation) {
    field(form, "seen_english").value = english;
    field(form, "seen_had").value = translation === null || translation === undefined ? "0" : "1";
    field(form, "seen_translation").value = translation || "";
  }

  function say(form, lines, cls) {
    const result = form.querySelector(".result");
    result.replaceChildren();
    for (const [text, level] of lines) {
      const p = document.createElement("p");
      p.className = "finding level-" + (level || cls || "info");
      p.textContent = text;
      result.appendChild(p);
    }
  }

  async function save(form, moveOn) {
    const seg = segmentOf(form);
    const body = {
      locale: field(form, "locale").value,
      slug: field(form, "slug").value,
      id: field(form, "id").value,
      text: editorOf(seg).value,
      seen: seenOf(form),
    };
    let response;
    try {
      response = await fetch("/api/save", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch (e) {
      say(form, [["not saved: the server cannot be reached (" + e + ")", "error"]]);
      return;
    }
    const reply = await response.json();
    if (response.status === 409) { showConflict(seg, form, body.text, reply); return; }
    if (!response.ok) { say(form, [["not saved: " + reply.error, "error"]]); return; }
    setSeen(form, body.seen.english, reply.translation);
    editorOf(seg).dataset.saved = reply.translation;
    seg.dataset.state = reply.state;
    seg.dataset.todo = "false";
    const badge = seg.querySelector(".segment-head .badge");
    if (badge) { badge.textContent = reply.state; badge.className = "badge state-" + reply.state; }
    const lines = [["saved, signed off by " + reply.translator, "info"]];
    for (const f of reply.findings) lines.push([f.level + " [" + f.check + "]: " + f.message, f.level]);
    if (reply.not_committed) lines.push(["not committed: " + reply.not_committed, "warning"]);
    say(form, lines);
    if (moveOn) focusSegment(nextToDo(seg));
  }

  // Both versions side by side; the person chooses.
  function showConflict(seg, form, mine, theirs) {
    let view = seg.querySelector(".conflict-view");
    if (view) view.remove();
    view = document.createElement("div");
    view.className = "conflict-view";
    view.setAttribute("role", "alert");
    const h = document.createElement("p");
    h.textContent = "This segment changed while you worked on it: nothing was saved. Now in the files"
      + (theirs.translator ? " (by " + theirs.translator + ")" : "") + ":";
    const english = document.createElement("p");
    english.lang = "en"; english.className = "source"; english.textContent = theirs.english;
    const t = document.createElement("p");
    t.lang = seg.dataset.locale; t.className = "theirs"; t.textContent = theirs.translation === null ? "(no translation)" : theirs.translation;
    const m = document.createElement("p");
    m.lang = seg.dataset.locale; m.className = "mine"; m.textContent = "Yours: " + mine;
    const choices = document.createElement("div");
    choices.className = "choices";
    const keep = document.createElement("button");
    keep.type = "button"; keep.className = "keep-mine"; keep.textContent = "Save mine over it";
    const take = document.createElement("button");
    take.type = "button"; take.className = "take-theirs"; take.textContent = "Take theirs";
    const resolved = () => {
      const notice = seg.querySelector(".changed-notice");
      if (notice) notice.remove();
    };
    keep.addEventListener("click", () => {
      resolved();
      setSeen(form, theirs.english, theirs.translation);
      seg.querySelector(".source").textContent = theirs.english;
      view.remove();
      save(form, true);
    });
    take.addEventListener("click", () => {
      resolved();
      setSeen(form, theirs.english, theirs.translation);
      seg.querySelector(".source").textContent = theirs.english;
      editorOf(seg).value = theirs.translation || "";
      view.remove();
      focusSegment(seg);
    });
    choices.append(keep, take);
    view.append(h, english, t, m, choices);
    form.after(view);
    keep.focus();
  }

  function takeMatch(seg, n) {
    const match = seg.querySelectorAll(".matches .match-text")[n - 1];
    const editor = editorOf(seg);
    if (match && editor && !editor.readOnly) { editor.value = match.textContent; editor.focus(); }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.classList.contains("editor") || !csrf) return;
    event.preventDefault();
    save(form, true);
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".take");
    if (button) takeMatch(segmentOf(button), Number(button.dataset.n));
  });

  document.addEventListener("focusin", (event) => {
    const seg = segmentOf(event.target);
    if (seg) { segments().forEach((s) => s.classList.toggle("active", s === seg)); }
  });

  document.addEventListener("keydown", (event) => {
    const seg = segmentOf(event.target) || document.querySelector(".segment.active");
    if (!seg) return;
    const form = seg.querySelector("form.editor");
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      if (editorOf(seg) && !editorOf(seg).readOnly) save(form, true);
    } else if (event.altKey && /^Digit[1-9]$/.test(event.code)) {
      event.preventDefault();
      takeMatch(seg, Number(event.code.slice(5)));
    } else if (event.altKey && event.code === "Digit0") {
      event.preventDefault();
      const editor = editorOf(seg);
      if (editor && !editor.readOnly) { editor.value = seg.querySelector(".source").textContent; editor.focus(); }
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const all = segments();
      const i = all.indexOf(seg) + (event.key === "ArrowDown" ? 1 : -1);
      if (i >= 0 && i < all.length) focusSegment(all[i]);
    }
  });

  // Live updates: what changed on disk shows in segments the person has not touched; an edited
  // one keeps the person's text and its save will show the conflict.
  const container = document.querySelector(".segments");
  async function refresh() {
    if (!container || document.hidden) return;
    let response;
    try {
      response = await fetch("/api/article/" + container.dataset.locale + "/" + container.dataset.slug, { credentials: "same-origin" });
    } catch (e) { return; }
    if (!response.ok) return;
    const workspace = await response.json();
    for (const s of workspace.segments) {
      const seg = document.getElementById("seg-" + s.id);
      if (!seg) continue;
      const form = seg.querySelector("form.editor");
      const seen = seenOf(form);
      if (seen.english === s.source && seen.translation === s.translation) continue;
      const editor = editorOf(seg);
      const untouched = editor.value === (seen.translation || "");
      if (untouched && document.activeElement !== editor) {
        editor.value = s.translation || "";
        setSeen(form, s.source, s.translation);
        seg.querySelector(".source").textContent = s.source;
        seg.dataset.state = s.state;
        seg.dataset.todo = String(s.todo);
        const badge = seg.querySelector(".segment-head .badge");
        if (badge) { badge.textContent = s.state; badge.className = "badge state-" + s.state; }
      } else if (!seg.querySelector(".changed-notice")) {
        const notice = document.createElement("p");
        notice.className = "changed-notice warning";
        notice.textContent = "Changed on disk since this page was loaded: saving will show both versions.";
        form.after(notice);
      }
    }
  }
  // The segment the address names, or the first that needs work. After the load, when the
  // browser has scrolled to the address's fragment (which would take the focus back).
  function focusInitial() {
    const first = location.hash ? document.querySelector(location.hash.replace(/[^#\w-]/g, "")) : null;
    focusSegment(first || nextToDo(segments()[segments().length - 1]) || segments()[0]);
  }
  if (container) {
    setInterval(refresh, 5000);
    if (document.readyState === "complete") setTimeout(focusInitial, 0);
    else window.addEventListener("load", () => setTimeout(focusInitial, 0));
    window.addEventListener("hashchange", focusInitial);
  }
})();
