// The portal's three languages (SPEC PORTAL-1; issue 6 item 8): English, Traditional and
// Simplified Chinese, switchable on every page and remembered in this browser. Words of the
// pages are here; the services' and events' own titles come from the server in all three.
const LANGS = ["en", "zh-Hant", "zh-Hans"];

const WORDS = {
  // Corporate actions (issue 17): the operator's announcement form and the holder's page.
  kind_ca_event: ["Corporate-action announcement", "公司行動公告", "公司行动公告"],
  event_id: ["Event id", "事件編號", "事件编号"],
  ca_type: ["Action", "公司行動類別", "公司行动类别"],
  security_code: ["Security code", "股份代號", "股份代码"],
  ex_date: ["Ex-date", "除淨日", "除净日"],
  record_date: ["Record date", "登記日", "登记日"],
  payment_date: ["Payment or distribution date", "派發日", "派发日"],
  currency: ["Currency", "貨幣", "货币"],
  ca_rate: ["Cash per share held", "每股現金", "每股现金"],
  ca_price: ["Price per new share", "每股新股價格", "每股新股价格"],
  ratio: ["Ratio new:old", "比例（新:舊）", "比例（新:旧）"],
  new_security_code: ["Security distributed", "派發的證券代號", "派发的证券代码"],
  board_lot_after: ["Board lot after", "新每手股數", "新每手股数"],
  issuer_type: ["Issuer", "發行人類別", "发行人类别"],
  election_open: ["Elections open (HKT)", "開始接受選擇（香港時間）", "开始接受选择（香港时间）"],
  csdc_deadline: ["CSDC's deadline (HKT)", "中國結算截止時間（香港時間）", "中国结算截止时间（香港时间）"],
  hkscc_deadline: ["HKSCC's deadline (HKT)", "香港結算截止時間（香港時間）", "香港结算截止时间（香港时间）"],
  ca_options: ["Options (e.g. cash;scrip)", "選項（如 cash;scrip）", "选项（如 cash;scrip）"],
  ca_events: ["Corporate actions announced", "已公告的公司行動", "已公告的公司行动"],
  ca_nav: ["Corporate actions", "公司行動", "公司行动"],
  ca_notices: ["Corporate actions on my holdings", "我的持股之公司行動", "我的持股之公司行动"],
  ca_no_notices: ["No corporate action needs you now.", "目前沒有需要閣下處理的公司行動。", "目前没有需要您处理的公司行动。"],
  ca_no_accounts: ["No securities account is linked to you yet: ask your broker.", "閣下尚未連結證券帳戶，請聯絡經紀。", "您尚未关联证券账户，请联系经纪。"],
  ca_last_prevails: ["You may change your mind until the deadline: your last instruction counts.", "截止前可更改，以最後一次指示為準。", "截止前可更改，以最后一次指示为准。"],
  ca_window_open: ["Elect by", "請於以下時間前選擇", "请于以下时间前选择"],
  ca_window_not_open: ["Elections open", "開始接受選擇", "开始接受选择"],
  ca_window_closed: ["Elections closed", "已截止", "已截止"],
  ca_window_notice: ["For your information", "通知", "通知"],
  ca_eligible: ["You may elect on", "可選擇數量", "可选择数量"],
  ca_instruction: ["Your instruction", "閣下的指示", "您的指示"],
  ca_none_yet: ["None yet", "尚未指示", "尚未指示"],
  ca_submit: ["Submit my election", "提交選擇", "提交选择"],
  ca_recorded: ["Recorded", "已記錄", "已记录"],
  ca_terms: ["Terms", "條款", "条款"],
  per_share: ["per share", "每股", "每股"],
  channel_sh: ["Shanghai Connect", "滬港通", "沪港通"],
  channel_sz: ["Shenzhen Connect", "深港通", "深港通"],
  opt_cash: ["Cash", "現金", "现金"],
  opt_scrip: ["Shares instead of cash (scrip)", "以股代息", "以股代息"],
  opt_take_up: ["Take up rights", "認購供股", "认购供股"],
  opt_accept: ["Accept the offer", "接受要約", "接受要约"],
  opt_for: ["For", "贊成", "赞成"],
  opt_against: ["Against", "反對", "反对"],
  opt_abstain: ["Abstain", "棄權", "弃权"],
  type_cash_dividend: ["Cash dividend", "現金股息", "现金红利"],
  type_scrip_dividend: ["Scrip dividend", "以股代息", "以股代息"],
  type_bonus_shares: ["Bonus shares", "送股", "送股"],
  type_bonus_warrants: ["Bonus warrants", "派送認股權證", "派送权证"],
  type_split: ["Share split", "股份拆細", "股份拆细"],
  type_consolidation: ["Share consolidation", "股份合併", "股份合并"],
  type_takeover: ["Takeover or privatisation", "收購或私有化", "收购或私有化"],
  type_vote: ["Vote", "投票", "投票"],
  type_rights_issue: ["Rights issue", "供股", "供股"],
  type_open_offer: ["Open offer", "公開發售", "公开发售"],
  home: ["Home", "首頁", "首页"],
  new_request: ["New request", "新申請", "新申请"],
  events: ["Events", "活動報名", "活动报名"],
  documents: ["Documents", "文件下載", "文件下载"],
  operator: ["Operations", "營運", "营运"],
  refdata: ["Reference data", "參考資料", "参考数据"],
  refdata_changes: ["Reference-data changes", "參考資料變更", "参考数据变更"],
  file_change: ["File for checking", "提交核對", "提交核对"],
  kind: ["Kind", "類別", "类别"],
  kind_closure: ["New holiday or half day", "新增假期或半日市", "新增假期或半日市"],
  kind_weather: ["Severe weather", "惡劣天氣", "恶劣天气"],
  kind_fee: ["Fee from a date", "收費變更", "收费变更"],
  market: ["Market", "市場", "市场"],
  date: ["Date", "日期", "日期"],
  closure: ["Closure", "休市類別", "休市类别"],
  holiday: ["Holiday", "假期", "假期"],
  half_day: ["Half day", "半日市", "半日市"],
  source: ["Source", "資料來源", "资料来源"],
  signal: ["Signal", "信號", "信号"],
  issued_at: ["Issued (HKT, YYYY-MM-DD HH:MM)", "發出（香港時間）", "发出（香港时间）"],
  lifted_at: ["Lifted (HKT, YYYY-MM-DD HH:MM)", "除下（香港時間）", "除下（香港时间）"],
  effect: ["Effect", "影響", "影响"],
  fee_code: ["Fee", "收費項目", "收费项目"],
  effective_from: ["In force from", "生效日期", "生效日期"],
  rate: ["Rate (a fraction of the consideration)", "費率", "费率"],
  amount_hkd: ["Amount per trade (HKD)", "每宗金額（港元）", "每宗金额（港元）"],
  account: ["Account", "帳戶", "账户"],
  sign_out: ["Sign out", "登出", "登出"],
  firm: ["Firm", "參與者", "参与者"],
  language: ["Language", "語言", "语言"],
  my_tasks: ["My tasks", "我的工作", "我的工作"],
  to_check: ["To check", "待核對", "待核对"],
  to_fix: ["Returned to me", "退回待修改", "退回待修改"],
  drafts: ["My drafts", "我的草稿", "我的草稿"],
  requests: ["Requests", "服務請求", "服务请求"],
  search: ["Search", "搜尋", "搜索"],
  text: ["Text", "文字", "文字"],
  status: ["Status", "狀態", "状态"],
  service: ["Service", "電子化服務", "电子化服务"],
  from: ["From", "由", "由"],
  to: ["To", "至", "至"],
  reference: ["Reference", "編號", "编号"],
  any: ["Any", "全部", "全部"],
  export_csv: ["Export CSV", "匯出 CSV", "导出 CSV"],
  export_xlsx: ["Export XLSX", "匯出 XLSX", "导出 XLSX"],
  none: ["Nothing here.", "沒有項目。", "没有项目。"],
  updated: ["Updated", "更新", "更新"],
  save: ["Save draft", "儲存草稿", "保存草稿"],
  submit: ["Submit for checking", "提交核對", "提交核对"],
  withdraw: ["Withdraw", "撤回", "撤回"],
  approve: ["Approve", "批核", "批核"],
  return: ["Return for changes", "退回修改", "退回修改"],
  receive: ["Receive", "接收", "接收"],
  assign: ["Assign to me", "分派給我", "分派给我"],
  start: ["Start processing", "開始處理", "开始处理"],
  complete: ["Complete", "完成", "完成"],
  reject: ["Reject", "拒絕", "拒绝"],
  reason: ["Reason", "原因", "原因"],
  timeline: ["Timeline", "處理記錄", "处理记录"],
  audit: ["Audit trail", "審計記錄", "审计记录"],
  attachments: ["Attachments", "附件", "附件"],
  upload: ["Attach", "上載", "上传"],
  problems: ["To fix before submitting", "提交前需修正", "提交前需修正"],
  choose_service: ["Choose the e-service", "選擇電子化服務", "选择电子化服务"],
  start_draft: ["Start", "開始", "开始"],
  inbox: ["Notifications", "通知", "通知"],
  saved: ["Saved.", "已儲存。", "已保存。"],
  done: ["Done.", "完成。", "完成。"],
  register: ["Register", "報名", "报名"],
  attendee: ["Attendee", "參加者", "参加者"],
  email: ["Email", "電郵", "电邮"],
  cancel: ["Cancel", "取消", "取消"],
  seats_left: ["Seats left", "尚餘名額", "尚余名额"],
  waitlisted: ["Waiting list", "候補", "候补"],
  deadline: ["Registration closes", "截止報名", "截止报名"],
  download: ["Download", "下載", "下载"],
  version: ["Version", "版本", "版本"],
  queue: ["Queue", "工作隊列", "工作队列"],
  team: ["Team", "小組", "小组"],
  instruction_type: ["Type of instruction", "指示類別", "指示类别"],
  attachment_required: ["this attachment is required", "須附上此文件", "须附上此文件"],
  required_field: ["required", "必須填寫", "必须填写"],
  check_field: ["check this field", "請檢查此欄", "请检查此栏"],
  whole_request: ["The request", "整份申請", "整份申请"],
  obligations: ["Money obligations to HKSCC", "對香港結算的款項責任", "对香港结算的款项责任"],
  obligations_nav: ["Obligations", "款項責任", "款项责任"],
  participant: ["Participant", "參與者編號", "参与者编号"],
  due_and_overdue: ["Due and overdue", "到期及逾期款項", "到期及逾期款项"],
  obligation: ["Obligation", "款項", "款项"],
  amount: ["Amount (HKD)", "金額（港元）", "金额（港元）"],
  paid: ["Paid (HKD)", "已付（港元）", "已付（港元）"],
  channel: ["Channel", "付款方式", "付款方式"],
  pay_by: ["Deadline (HKT)", "限期（香港時間）", "限期（香港时间）"],
  time_left: ["Time left", "剩餘時間", "剩余时间"],
  report: ["Report", "報表", "报表"],
  margin_history: ["Margin and marks, last 60 days (HKD)", "過去60日的保證金及按市價計算的差額（港元）", "过去60日的保证金及按市价计算的差额（港元）"],
  show_table: ["Show the figures as a table", "以表格顯示數字", "以表格显示数字"],
  net_margin: ["Margin", "保證金", "保证金"],
  marks: ["Marks", "按市價計算的差額", "按市价计算的差额"],
  total_requirement: ["Total requirement", "總要求", "总要求"],
  collateral_on_hand: ["Collateral on hand", "已存抵押品", "已存抵押品"],
  a_day: ["A day's obligations and margin", "某日的款項及保證金", "某日的款项及保证金"],
  show: ["Show", "顯示", "显示"],
  print: ["Print", "列印", "打印"],
  component: ["Component", "項目", "项目"],
  no_participant: ["This firm has no HKSCC participant id.", "此參與者未有香港結算參與者編號。", "此参与者未有香港结算参与者编号。"],
  every_participant: ["Every participant, overdue first", "所有參與者（逾期優先）", "所有参与者（逾期优先）"],
  payments: ["Payments entered by hand", "人手輸入的付款", "人手输入的付款"],
  enter_payment: ["Enter a payment for checking", "輸入付款以供核對", "输入付款以供核对"],
  enter_payment_short: ["Pay", "輸入付款", "输入付款"],
  obligation_id: ["Obligation id", "款項編號", "款项编号"],
  payment_id: ["Bank reference", "銀行參考編號", "银行参考编号"],
  received_at: ["Received (HKT, YYYY-MM-DD HH:MM)", "收款時間（香港時間）", "收款时间（香港时间）"],
  method: ["Method", "方式", "方式"],
  entered_by: ["Entered by", "輸入人", "输入人"],
  overdue_by: ["overdue", "已逾期", "已逾期"],
  stress: ["Stress tests", "壓力測試", "压力测试"],
  stress_nav: ["Stress", "壓力測試", "压力测试"],
  user_shocks: ["Your own shocks (CODE=RATIO, comma-separated)", "自訂衝擊（代號=比率，以逗號分隔）", "自定冲击（代码=比率，以逗号分隔）"],
  user_shocks_help: ["e.g. 00700=-0.35 is a 35% fall in 00700; up to 20 securities, each from −1 to 10.", "例如 00700=-0.35 即 00700 下跌35%；最多20隻證券，每項由−1至10。", "例如 00700=-0.35 即 00700 下跌35%；最多20只证券，每项由−1至10。"],
  participant_stress: ["CNS positions at HKSCC under stress (HKD)", "香港結算持續淨額交收持倉的壓力測試（港元）", "香港结算持续净额交收持仓的压力测试（港元）"],
  book_stress: ["Our Southbound book under stress (HKD)", "本公司港股通持倉的壓力測試（港元）", "本公司港股通持仓的压力测试（港元）"],
  book_stress_note: ["From the day's end-of-day run: each reserve account's unsettled positions (and the firm's own holdings) against the risk funds CSDC holds.", "根據當日日終處理：各備付金賬戶的未交收持倉（及公司自營持股），對比中國結算持有的風控資金。", "根据当日日终处理：各备付金账户的未交收持仓（及公司自营持股），对比中国结算持有的风控资金。"],
  scenario: ["Scenario", "情境", "情景"],
  shock: ["Shock", "衝擊", "冲击"],
  pnl: ["P&L", "損益", "损益"],
  loss: ["Loss", "損失", "损失"],
  margin_held: ["Margin held", "已持有保證金", "已持有保证金"],
  risk_funds_held: ["Risk funds held", "已持有風控資金", "已持有风控资金"],
  shortfall: ["Shortfall", "差額", "差额"],
  worst_day: ["worst day of the look-back", "回溯期最差一日", "回溯期最差一日"],
  market_channel: ["Channel", "通道", "通道"],
  reserve: ["Reserve account", "備付金賬戶", "备付金账户"],
  long_value: ["Long", "好倉", "多头"],
  short_value: ["Short", "淡倉", "空头"],
  download_csv: ["Download CSV", "下載 CSV", "下载 CSV"],
  download_xlsx: ["Download XLSX", "下載 XLSX", "下载 XLSX"],
  no_stress: ["No stress results for this firm on that day.", "此參與者當日沒有壓力測試結果。", "此参与者当日没有压力测试结果。"],
};

// Obligation kinds (seed 001) and their statuses, as the obligations pages show them.
const OBLIGATION = {
  china_connect_trades_money: ["China Connect trades money", "中華通交易款項", "中华通交易款项"],
  sehk_trades_money: ["SEHK trades money", "聯交所交易款項", "联交所交易款项"],
  intraday_marks: ["Intraday marks", "即日按市價計算的差額", "即日按市价计算的差额"],
  intraday_mstd: ["Intraday Mainland security deposit", "即日內地證券保證金", "即日内地证券保证金"],
  intraday_margin_non_settlement_day: ["Intraday margin (non-settlement day)", "即日保證金（非交收日）", "即日保证金（非交收日）"],
  intraday_margin_settlement_day: ["Intraday margin (settlement day)", "即日保證金（交收日）", "即日保证金（交收日）"],
  day_end_marks: ["Day-end marks", "日終按市價計算的差額", "日终按市价计算的差额"],
  day_end_margin: ["Day-end margin", "日終保證金", "日终保证金"],
  day_end_mtm_and_margin: ["Day-end marks and margin", "日終按市價計算的差額及保證金", "日终按市价计算的差额及保证金"],
  day_end_mstd: ["Day-end Mainland security deposit", "日終內地證券保證金", "日终内地证券保证金"],
  mainland_security_deposit: ["Mainland security deposit", "內地證券保證金", "内地证券保证金"],
  gf_contribution: ["Guarantee Fund contribution", "保證基金供款", "保证基金供款"],
  gf_risk_collateral: ["Guarantee Fund risk collateral", "保證基金風險抵押品", "保证基金风险抵押品"],
  due: ["Due", "未到期", "未到期"],
  overdue: ["Overdue", "逾期", "逾期"],
  defaulted: ["Event of default", "違責事件", "违责事件"],
  paid: ["Paid", "已付", "已付"],
  chats_payment_instruction: ["CHATS payment instruction", "CHATS付款指示", "CHATS付款指示"],
  chats_or_bank_transfer: ["CHATS or bank transfer", "CHATS或銀行轉賬", "CHATS或银行转账"],
  direct_debit: ["Direct debit", "直接扣賬", "直接扣账"],
  bank_transfer: ["Bank transfer", "銀行轉賬", "银行转账"],
  chats: ["CHATS", "CHATS", "CHATS"],
  others: ["Others", "其他", "其他"],
  pending: ["Waiting for a check", "待核對", "待核对"],
  approved: ["Approved", "已批核", "已批核"],
  rejected: ["Rejected", "已拒絕", "已拒绝"],
};

const STATUS = {
  draft: ["Draft", "草稿", "草稿"],
  submitted: ["Submitted", "已提交", "已提交"],
  returned: ["Returned", "已退回", "已退回"],
  approved: ["Approved", "已批核", "已批核"],
  received: ["Received", "已接收", "已接收"],
  in_processing: ["In processing", "處理中", "处理中"],
  completed: ["Completed", "已完成", "已完成"],
  rejected: ["Rejected", "已拒絕", "已拒绝"],
  withdrawn: ["Withdrawn", "已撤回", "已撤回"],
};

export function lang() {
  const saved = localStorage.getItem("cp.lang");
  return LANGS.includes(saved) ? saved : "en";
}

export function setLang(value) {
  localStorage.setItem("cp.lang", LANGS.includes(value) ? value : "en");
}

function pick(triple) {
  return triple ? triple[LANGS.indexOf(lang())] || triple[0] : "";
}

export const t = (key) => pick(WORDS[key]) || key;
export const statusName = (code) => pick(STATUS[code]) || code;
export const statuses = () => Object.keys(STATUS);
// An obligation's kind, status, channel or a payment's method or state in the page's language.
export const obligationWord = (code) => pick(OBLIGATION[code]) || code;

// A {en, zh-Hant, zh-Hans} text from the server in the page's language.
export function local(text) {
  if (!text) return "";
  return text[lang()] || text.en || "";
}

// Fills every [data-t] element with its word and sets the page's language.
export function translatePage(root = document) {
  document.documentElement.lang = lang();
  root.querySelectorAll("[data-t]").forEach((el) => (el.textContent = t(el.dataset.t)));
}

// The schema with titles, enum labels and descriptions in the page's language, for the form
// tool (catalog/README.md: x-title, x-enum-titles, x-description).
export function localSchema(schema, title) {
  const copy = JSON.parse(JSON.stringify(schema));
  if (title) copy.title = title;
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    if (node["x-title"] && lang() !== "en") node.title = node["x-title"][lang()] || node.title;
    if (node["x-description"] && lang() !== "en") {
      node.description = node["x-description"][lang()] || node.description;
    }
    if (node["x-enum-titles"]) {
      node.options = node.options || {};
      node.options.enum_titles = node["x-enum-titles"][lang()] || node["x-enum-titles"].en;
    }
    for (const key of ["properties"]) {
      if (node[key]) Object.values(node[key]).forEach(walk);
    }
    if (node.items) walk(node.items);
    if (node.oneOf) node.oneOf.forEach(walk);
  };
  walk(copy);
  delete copy.$schema;
  return copy;
}
