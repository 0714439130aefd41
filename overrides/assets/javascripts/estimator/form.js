// Reading and filling the form: the checklist, the budget and the profile, as the engine's request dict.
// The form is rendered at build time and never changes shape, so its fields are found once.

export const PROFILE_TEXT = ["name", "industry", "business", "website", "contact_tool", "desired_start", "irregulars", "notes",
  "weekend_hours", "fiscal_month"];
export const HIRING = ["prefecture", "hourly_wage", "monthly_salary", "commuting", "recruiting", "equipment", "tax_status",
  "company_size", "care_insurance"]; // hiring.<name>
export const PROFILE_FLAGS = ["weekend_work", "volume_fluctuates", "whole_seasons"];
export const TASK_FIELDS = ["selected", "quantity", "period", "priority"]; // each task's fields: tasks.<id>.<field>

// Tasks still as the catalog sets them need not be sent: Python starts from the same defaults (the form is
// rendered from them), and reading all 45 was over a third of an estimate's time.
export function changedTasks(tasks, defaults) {
  return tasks.filter((task, i) => TASK_FIELDS.some((key) => task[key] !== defaults[i][key]));
}

export class Form {
  constructor(element) {
    this.element = element; // holds several small <form>s (see form.html)
    this.named = new Map(); // field name -> its element (the first radio of a group)
    for (const field of element.querySelectorAll("[name]")) if (!this.named.has(field.name)) this.named.set(field.name, field);
    const get = (name) => this.named.get(name);
    this.tasks = [...element.querySelectorAll("li[data-task]")].map((li) => {
      const d = li.dataset;
      const task = { id: d.task, item: li, defaults: { selected: d.defaultSelected === "true", quantity: d.defaultQuantity, period: d.defaultPeriod, priority: d.defaultPriority } };
      for (const key of TASK_FIELDS) task[key] = get(`tasks.${d.task}.${key}`);
      return task;
    });
    this.defaults = this.tasks.map((t) => t.defaults);
    this.budget = get("budget_yen");
    this.text = Object.fromEntries(PROFILE_TEXT.map((name) => [name, get(`profile.${name}`)]));
    this.flags = Object.fromEntries(PROFILE_FLAGS.map((name) => [name, get(`profile.${name}`)]));
    this.videoCall = [...element.querySelectorAll("input[name='profile.video_call']")];
    this.hiring = Object.fromEntries(HIRING.map((name) => [name, get(`hiring.${name}`)]).filter(([, field]) => field));
    this.categories = [...element.querySelectorAll("details.est-category")].map((details) => ({
      details, count: details.querySelector("[data-est-count]"), boxes: [...details.querySelectorAll("input[name$='.selected']")],
    }));
  }

  collect() {
    const tasks = this.tasks.map((t) => ({
      id: t.id, selected: t.selected.checked, quantity: t.quantity.value, period: t.period.value, priority: t.priority.value,
    }));
    const profile = {};
    for (const [name, field] of Object.entries(this.text)) profile[name] = field.value;
    for (const [name, field] of Object.entries(this.flags)) profile[name] = field.checked;
    profile.video_call = this.videoCall.find((radio) => radio.checked)?.value || "either";
    const hiring = {};
    for (const [name, field] of Object.entries(this.hiring)) hiring[name] = field.type === "checkbox" ? field.checked : field.value;
    return { tasks, budget_yen: this.budget.value, profile, hiring };
  }

  // What the engine needs: the input with only the tasks that differ from the catalog's defaults.
  request(input = this.collect()) {
    return { ...input, tasks: changedTasks(input.tasks, this.defaults) };
  }

  // Fill the form from an input (saved, shared or a starting set). Unknown tasks and fields are skipped.
  apply(input, { resetFirst = true } = {}) {
    if (!input || typeof input !== "object") return;
    if (resetFirst) this.reset();
    const set = (name, value) => {
      const field = this.named.get(name);
      if (!field || value === undefined || value === null) return;
      if (field.type === "checkbox") field.checked = value === true;
      else if (typeof value === "string" || typeof value === "number") field.value = String(value);
      if (field.tagName === "SELECT" && field.selectedIndex < 0) field.selectedIndex = 0;
    };
    for (const task of Array.isArray(input.tasks) ? input.tasks : []) {
      if (!task || typeof task.id !== "string" || !this.named.has(`tasks.${task.id}.selected`)) continue;
      set(`tasks.${task.id}.selected`, task.selected === undefined ? true : task.selected);
      for (const key of ["quantity", "period", "priority"]) set(`tasks.${task.id}.${key}`, task[key]);
    }
    if ("budget_yen" in input) set("budget_yen", input.budget_yen);
    if (input.profile && typeof input.profile === "object") {
      const profile = input.profile;
      for (const key of [...PROFILE_TEXT, ...PROFILE_FLAGS]) set(`profile.${key}`, profile[key]);
      for (const radio of this.videoCall) if (radio.value === profile.video_call) radio.checked = true;
    }
    if (input.hiring && typeof input.hiring === "object") {
      for (const key of HIRING) set(`hiring.${key}`, input.hiring[key]);
    }
    this.showCounts();
  }

  // Whether a field differs from the page as built: the client typed or ticked before these modules arrived
  // (or the browser restored the form on a reload). Compared with each control's default in the markup.
  changedOnScreen() {
    for (const field of this.element.querySelectorAll("input, select, textarea")) {
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked !== field.defaultChecked) return true;
      } else if (field.tagName === "SELECT") {
        const marked = [...field.options].findIndex((option) => option.defaultSelected);
        if (field.selectedIndex !== Math.max(marked, 0)) return true;
      } else if (field.value !== field.defaultValue) return true;
    }
    return false;
  }

  reset() {
    for (const form of this.element.querySelectorAll("form")) form.reset();
    this.showCounts();
  }

  // Each category's summary says how many of its tasks are ticked (a count of checkboxes, not a figure).
  showCounts() {
    for (const { count, boxes } of this.categories) {
      const n = boxes.filter((box) => box.checked).length;
      const text = `${n}件を選択中`;
      if (count.textContent !== text) count.textContent = text;
    }
  }

  // Open the field's category if it is folded, then move focus to the field.
  focusField(id) {
    const field = this.element.querySelector(`#${CSS.escape(id)}`);
    if (!field) return false;
    const details = field.closest("details");
    if (details && !details.open) details.open = true;
    field.focus({ preventScroll: true });
    field.scrollIntoView({ block: "center" });
    return document.activeElement === field;
  }
}
