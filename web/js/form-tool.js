// json-editor (web/package.json) fitted to the portal: its own words in the page's language, its
// error markup made accessible (issue 6 item 8), and what users type kept as text, never markup
// (issue 14, finding 5). The library's html theme writes an error as red text beside the field;
// red on Pico's background fails the WCAG contrast ratio, and a screen reader is not told which
// field the text is about. All is fixed here through the library's extension points (a theme
// class, the editor classes and the language table), not by editing its code.
/* global JSONEditor */
import { lang, t } from "./i18n.js";

// The messages a filer can meet, in English, Traditional and Simplified Chinese. Keys missing
// here fall back to json-editor's English. English is reworded where the library speaks of
// schemas and properties.
const MESSAGES = {
  error_notset: ["Required", "必須填寫", "必须填写"],
  error_notempty: ["Required", "必須填寫", "必须填写"],
  error_enum: ["Choose one of the values offered", "請選擇所列的其中一項", "请选择所列的其中一项"],
  error_oneOf: ["Choose one of the types offered and fill in its fields",
                "請選擇其中一種類別並填寫其欄位", "请选择其中一种类别并填写其栏位"],
  error_type: ["Must be {{0}}", "類型應為 {{0}}", "类型应为 {{0}}"],
  error_multipleOf: ["Must be a multiple of {{0}}", "必須是 {{0}} 的倍數", "必须是 {{0}} 的倍数"],
  error_maximum_excl: ["Must be less than {{0}}", "必須小於 {{0}}", "必须小于 {{0}}"],
  error_maximum_incl: ["Must be at most {{0}}", "不得大於 {{0}}", "不得大于 {{0}}"],
  error_minimum_excl: ["Must be more than {{0}}", "必須大於 {{0}}", "必须大于 {{0}}"],
  error_minimum_incl: ["Must be at least {{0}}", "不得小於 {{0}}", "不得小于 {{0}}"],
  error_maxLength: ["At most {{0}} characters", "不得超過 {{0}} 個字元", "不得超过 {{0}} 个字符"],
  error_minLength: ["At least {{0}} characters", "最少 {{0}} 個字元", "最少 {{0}} 个字符"],
  // The pattern itself means nothing to a filer: the note under the field says what is expected.
  error_pattern: ["Not in the expected format", "格式不符", "格式不符"],
  error_maxItems: ["At most {{0}} entries", "最多 {{0}} 項", "最多 {{0}} 项"],
  error_minItems: ["At least {{0}} entries", "最少 {{0}} 項", "最少 {{0}} 项"],
  error_uniqueItems: ["Each entry only once", "項目不可重複", "项目不可重复"],
  error_required: ["{{0}}: required", "必須填寫「{{0}}」", "必须填写「{{0}}」"],
  error_additional_properties: ["{{0}} is not a field of this form", "{{0}} 不是本表格的欄位",
                                "{{0}} 不是本表格的栏位"],
  error_date: ["A date, {{0}}", "日期格式應為 {{0}}", "日期格式应为 {{0}}"],
  error_time: ["A time, {{0}}", "時間格式應為 {{0}}", "时间格式应为 {{0}}"],
  error_datetime_local: ["A date and time, {{0}}", "日期時間格式應為 {{0}}", "日期时间格式应为 {{0}}"],
  button_add_row_title: ["Add {{0}}", "新增{{0}}", "新增{{0}}"],
  button_delete_row_title: ["Delete {{0}}", "刪除{{0}}", "删除{{0}}"],
  button_delete_row_title_short: ["Delete", "刪除", "删除"],
  button_delete_last: ["Last {{0}}", "最後{{0}}", "最后{{0}}"],
  button_delete_last_title: ["Delete last {{0}}", "刪除最後{{0}}", "删除最后{{0}}"],
  button_delete_all: ["All", "全部", "全部"],
  button_delete_all_title: ["Delete all", "全部刪除", "全部删除"],
  button_move_down_title: ["Move down", "下移", "下移"],
  button_move_up_title: ["Move up", "上移", "上移"],
  button_copy_row_title: ["Copy {{0}}", "複製{{0}}", "复制{{0}}"],
  button_copy_row_title_short: ["Copy", "複製", "复制"],
  button_collapse: ["Collapse", "收合", "收起"],
  button_expand: ["Expand", "展開", "展开"],
  default_array_item_title: ["item", "項目", "项目"],
  button_delete_node_warning: ["Remove this entry?", "確定刪除此項目？", "确定删除此项目？"],
  table_controls: ["Controls", "操作", "操作"],
};

// Adds or removes `id` in the element's aria-describedby list.
function describedBy(element, id, present) {
  const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)
    .filter((x) => x !== id);
  if (present) ids.push(id);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

let errorCount = 0;

// Text as it is, whatever it holds: the library's cleanText would parse it as HTML.
function asText(text) {
  return text === undefined || text === null ? "" : String(text);
}

// What users type is text (issue 14, finding 5). json-editor "cleans" every string value it is
// given — StringEditor.setValue and .sanitize (so also number, integer, date, hidden, uuid and
// multiselect values) call AbstractEditor.purify, which calls cleanText — by setting it as the
// innerHTML of a detached <div> and reading its textContent back. That parse creates the
// elements: `<img src="/api/…">` in a field made the browser GET that URL, with the cookies of
// whoever opened the request (CSP default-src 'self' allows same-origin images), and the value
// lost its tags, so the checker did not see what was typed. Headers (headerTemplate, which fills
// in values; array item titles) went through the same cleanText, or through DOMPurify into
// innerHTML if window.DOMPurify were present. The portal's editors keep values and headers as
// text: input.value and text nodes, which no browser parses.
function plainEditor(Base) {
  const Plain = class extends Base {
    cleanText(text) {
      return asText(text);
    }

    purify(value) {
      return value;
    }

    // The library's, without its DOMPurify → innerHTML branch.
    updateHeaderText() {
      if (!this.header) return;
      const text = asText(this.getHeaderText());
      if (this.header.children.length) {
        const node = [...this.header.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
        if (node) node.nodeValue = text;
      } else {
        this.header.textContent = text;
      }
    }

    // A schema's `links` (none in the catalogue) as plain links only: an image, audio or video
    // link sets its src from a template of the values, which the browser would fetch at once.
    getLink(data) {
      return super.getLink({ ...data, mediaType: "text/plain" });
    }

    // The enum editor (objects or arrays as enum values, none in the catalogue) shows the value
    // chosen through innerHTML: give it escaped text.
    getHTML(value) {
      return asText(JSON.stringify(value)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    }
  };
  Plain.portalPlain = true;
  return Plain;
}

// Editors that render values as markup (base64 and upload previews, star ratings, the WYSIWYG
// and markdown editors) or need a library the pages do not load. Without them, the library's
// resolvers fall through to the plain editor of the schema's type (string, integer, select,
// array): JSONEditor.getEditorClass skips a resolver's answer that is not a registered editor.
const RICH_EDITORS = ["ace", "arrayChoices", "arraySelect2", "arraySelectize", "autocomplete",
                      "base64", "choices", "describedBy", "jodit", "sceditor", "select2",
                      "selectize", "signature", "simplemde", "starrating", "upload"];

function plainEditors() {
  const editors = JSONEditor.defaults.editors;
  for (const name of RICH_EDITORS) delete editors[name];
  for (const [name, Editor] of Object.entries(editors)) {
    if (!Editor.portalPlain) editors[name] = plainEditor(Editor);
  }
}

function portalTheme() {
  return class extends JSONEditor.defaults.themes.html {
    // A field's note (the schema's description) as text: the library's goes through cleanText,
    // an innerHTML parse, or through DOMPurify into innerHTML.
    cleanText(text) {
      return asText(text);
    }

    getDescription(text) {
      const note = document.createElement("p");
      note.textContent = asText(text);
      return note;
    }

    // The error beside its field, in the stylesheet's colour (css/portal.css), named by the
    // field (aria-describedby) and the field marked invalid, so that a screen reader says both.
    addInputError(input, text) {
      super.addInputError(input, text);
      const message = input.errmsg;
      message.style.color = "";
      if (!message.id) message.id = `form-error-${++errorCount}`;
      input.setAttribute("aria-invalid", "true");
      describedBy(input, message.id, true);
    }

    removeInputError(input) {
      super.removeInputError(input);
      input.removeAttribute("aria-invalid");
      if (input.errmsg) describedBy(input, input.errmsg.id, false);
    }

    // The errors of a whole instruction (a missing field, no type chosen), above its fields.
    getErrorMessage(text) {
      const message = super.getErrorMessage(text);
      message.style.color = "";
      message.className = "form-error";
      return message;
    }

    // The library names the instruction-type list by its path ("root[instructions][0]
    // switcher"), which a screen reader would read out.
    getHiddenLabel(text) {
      return super.getHiddenLabel(text.endsWith(" switcher") ? t("instruction_type") : text);
    }
  };
}

// Call before creating an editor: the theme is "portal", the editors keep values as text and
// the words are the page's language.
export function prepareFormTool() {
  if (!JSONEditor.defaults.themes.portal) JSONEditor.defaults.themes.portal = portalTheme();
  plainEditors();
  const column = ["en", "zh-Hant", "zh-Hans"].indexOf(lang());
  const words = {};
  for (const [key, triple] of Object.entries(MESSAGES)) words[key] = triple[column] || triple[0];
  JSONEditor.defaults.languages.portal = words;
  JSONEditor.defaults.language = "portal";
}
