// Starting sets (「始め方」, estimator/data/presets.toml): ticking a set's tasks with its quantities and
// unticking every other task. The sets' tasks are written into the page at build time (presets.html).
// The budget and the profile stay as they are.

export const OWN = "own"; // 「自分で選ぶ」: nothing ticked

export function readPresets(element) {
  try {
    return JSON.parse(element?.dataset.presets || "[]");
  } catch {
    return [];
  }
}

// The form input a set means: every task of the form unticked, then the set's tasks ticked.
// Returns null for an unknown set id.
export function presetInput(presets, id, taskIds) {
  const preset = id === OWN ? { tasks: [] } : presets.find((p) => p.id === id);
  if (!preset) return null;
  const chosen = new Map(preset.tasks.map((t) => [t.id, t]));
  return { tasks: taskIds.map((taskId) => chosen.get(taskId) || { id: taskId, selected: false }) };
}

// The set named in the page's address (`#set=<id>`, for staff links), or null.
export function presetFromHash(hash = location.hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("set");
}

export function presetName(presets, id) {
  return id === OWN ? "自分で選ぶ" : presets.find((p) => p.id === id)?.name || "";
}
