// Saving and sharing: the input kept in this browser, the share link, copying and the .txt file.
// Nothing leaves the browser: the share link carries the input after `#`, which is never sent to a server.

export const STORAGE_KEY = "estimator:input:v1"; // the saved input's shape is the form's input (form.js)

export function loadSaved() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
  } catch {
    return null;
  }
}

export function save(input) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(input));
  } catch {
    /* private mode or full storage: the page still works, it just won't remember */
  }
}

export function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch { /* nothing saved */ }
}

// The share-link state in the page's address (`#s=<state>`), or null. The state's format is Python's
// (estimator/state.py) and has not changed: links made before still open.
export function stateFromHash(hash = location.hash) {
  return new URLSearchParams(hash.replace(/^#/, "")).get("s");
}

export function shareURL(state) {
  return `${location.origin}${location.pathname}#s=${encodeURIComponent(state)}`;
}

// Drop `#s=` / `#set=` from the address once read: a reload then keeps what the user changes afterwards.
export function clearHash() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

export function messageText(message) {
  return `件名：${message.subject}\n\n${message.body}\n`;
}

export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.className = "est-sr";
    area.setAttribute("aria-hidden", "true");
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click(); // not attached to the document, so Material's instant navigation never sees it
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
