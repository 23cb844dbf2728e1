// The review page's keyboard and in-place saving. Without this script the page still works:
// every cell is a plain form that saves and reloads.
"use strict";
(function () {
  const table = document.querySelector("table.review");
  if (!table) return;
  const doc = table.dataset.doc;
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const status = document.getElementById("status");

  function say(text, error) {
    status.textContent = text;
    status.className = error ? "error" : "";
  }

  function cellsOf(lang) {
    return Array.from(table.querySelectorAll("td.cell[data-lang]")).filter((c) => !lang || c.dataset.lang === lang);
  }

  function focusCell(cell) {
    if (!cell) return;
    const area = cell.querySelector("textarea");
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    cell.scrollIntoView({ block: "center" });
  }

  function step(cell, delta) {
    const list = cellsOf(cell.dataset.lang);
    const i = list.indexOf(cell) + delta;
    if (i >= 0 && i < list.length) focusCell(list[i]);
  }

  function sideways(cell, delta) {
    const row = Array.from(cell.parentElement.querySelectorAll("td.cell[data-lang]"));
    const i = row.indexOf(cell) + delta;
    if (i >= 0 && i < row.length) focusCell(row[i]);
  }

  function nextUnconfirmed(cell) {
    const list = cellsOf(cell.dataset.lang);
    const start = list.indexOf(cell) + 1;
    const order = list.slice(start).concat(list.slice(0, start));
    return order.find((c) => !c.classList.contains("confirmed")) || null;
  }

  function showFindings(cell, findings) {
    const list = cell.querySelector("ul.findings");
    list.replaceChildren();
    for (const f of findings) {
      const item = document.createElement("li");
      item.className = f.severity;
      item.textContent = f.severity + " " + f.rule + ": " + f.message;
      list.appendChild(item);
    }
  }

  function showState(cell, seg) {
    cell.querySelector('input[name="version"]').value = seg.version;
    cell.classList.remove("confirmed", "fuzzy", "empty");
    cell.classList.add(seg.confirmed ? "confirmed" : seg.target ? "fuzzy" : "empty");
    cell.querySelector(".state").textContent = seg.confirmed ? "confirmed" : "to confirm";
    const old = cell.querySelector(".conflict");
    if (old) old.remove();
  }

  async function save(cell, confirmed) {
    const lang = cell.dataset.lang;
    const id = cell.dataset.id;
    const area = cell.querySelector("textarea");
    const url = "/api/documents/" + encodeURIComponent(doc) + "/" + lang + "/segments/" + encodeURIComponent(id);
    const body = { target: area.value, confirmed: confirmed, version: cell.querySelector('input[name="version"]').value };
    let response;
    try {
      response = await fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
        body: JSON.stringify(body),
      });
    } catch (err) {
      say("not saved: the server cannot be reached", true);
      return false;
    }
    const data = await response.json();
    if (response.status === 409) {
      const cur = data.current;
      cell.querySelector('input[name="version"]').value = cur.version;
      let box = cell.querySelector(".conflict");
      if (!box) {
        box = document.createElement("span");
        box.className = "conflict";
        cell.querySelector("form").after(box);
      }
      box.textContent = "Not saved: changed meanwhile to: " + cur.target + " — save again to replace it with yours.";
      say("not saved: " + id + " (" + lang + ") was changed meanwhile; its current text is shown", true);
      return false;
    }
    if (!response.ok) {
      say("not saved: " + (data.error || response.status), true);
      return false;
    }
    showState(cell, data.segment);
    showFindings(cell, data.segment.findings);
    const count = document.querySelector('.progress[data-lang="' + lang + '"] .count');
    if (count) count.textContent = data.progress.confirmed;
    const n = data.segment.findings.length;
    say("saved " + id + " (" + lang + ")" + (confirmed ? ", confirmed" : "") + ": " + (n ? n + " finding(s)" : "no findings"));
    return true;
  }

  table.addEventListener("submit", async (event) => {
    event.preventDefault();
    const cell = event.target.closest("td.cell");
    const confirmed = !event.submitter || event.submitter.value === "confirm";
    if ((await save(cell, confirmed)) && confirmed) focusCell(nextUnconfirmed(cell));
  });

  table.addEventListener("keydown", (event) => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement)) return;
    const cell = area.closest("td.cell");
    const ctrl = event.ctrlKey || event.metaKey;
    let action = null;
    if (ctrl && event.key === "Enter") {
      action = async () => {
        if (await save(cell, true)) focusCell(nextUnconfirmed(cell));
      };
    } else if (ctrl && (event.key === "s" || event.key === "S")) {
      action = () => save(cell, false);
    } else if (event.altKey && event.key === "ArrowDown") {
      action = () => step(cell, 1);
    } else if (event.altKey && event.key === "ArrowUp") {
      action = () => step(cell, -1);
    } else if (event.altKey && event.key === "ArrowRight") {
      action = () => sideways(cell, 1);
    } else if (event.altKey && event.key === "ArrowLeft") {
      action = () => sideways(cell, -1);
    } else if (event.altKey && event.code === "KeyC") {
      action = () => (area.value = area.dataset.source);
    } else if (event.altKey && event.code === "KeyR") {
      action = () => (area.value = area.dataset.original);
    }
    if (action) {
      event.preventDefault();
      action();
    }
  });

  table.addEventListener("focusin", (event) => {
    const cell = event.target.closest("td.cell");
    for (const c of table.querySelectorAll("td.cell.focus")) c.classList.remove("focus");
    if (cell) cell.classList.add("focus");
  });

  const first = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  focusCell(first && first.matches("td.cell") ? first : cellsOf("").find((c) => !c.classList.contains("confirmed")));
})();
