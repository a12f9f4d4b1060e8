// Caseflow court board: plain JavaScript modules over the JSON API (/api/v1), no build step, no other origin.
// Login: the page asks GET /api/v1/session; on 401 it shows a form and posts the token to /api/v1/session, which
// answers with an HttpOnly cookie (docs/design.md, "Sessions: the page's login"): the token never goes into a URL.
// ?court=湘0211 picks the court, ?lang=zh the Chinese labels, ?live=0 turns off the alert stream and the 10 s
// refresh (a page that never stops loading is hard to snapshot).
import { t, lang, translatePage, indicatorName, courtName } from './i18n.js';
import { sparkline, barChart } from './charts.js';

const params = new URLSearchParams(location.search);
const live = params.get('live') !== '0';
const $ = (id) => document.getElementById(id);
const AGE_BUCKETS = ['PENDING_AGE_0_1M', 'PENDING_AGE_1_3M', 'PENDING_AGE_3_6M', 'PENDING_AGE_6_12M',
  'PENDING_AGE_12_18M', 'PENDING_AGE_18_36M', 'PENDING_AGE_36M_PLUS'];
const AGE_LABELS = ['<1m', '1–3m', '3–6m', '6–12m', '12–18m', '18–36m', '>36m'];
const ZONE = 'Asia/Shanghai';
const state = {
  courts: [], byCode: {}, definitions: [], byIndicator: {}, session: null, bearer: null,
  sort: 'daysRemaining', desc: false, offset: 0, limit: 50, heatSort: null, heatRows: [], source: null,
};

class LoginNeeded extends Error {}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  // Only when the server has no session endpoint: the token typed into the form, kept for this tab.
  if (state.bearer) h.Authorization = 'Bearer ' + state.bearer;
  return h;
}

async function api(path) {
  const response = await fetch('/api/v1' + path, { credentials: 'same-origin', headers: headers() });
  if (response.status === 401) throw new LoginNeeded(path);
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}

function el(tag, attributes = {}, text) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) e.setAttribute(name, value);
  }
  if (text != null) e.textContent = text;
  return e;
}

function status(text) {
  $('status').textContent = text || '';
}

// ---- formatting -------------------------------------------------------------------------------------------

function format(value, code) {
  if (value == null) return '';
  const unit = state.byIndicator[code]?.unit;
  if (unit === 'RATIO') return (100 * value).toFixed(1) + ' %';
  if (unit === 'X') return '1 : ' + value.toFixed(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function intervalText(code, window) {
  const interval = state.byIndicator[code]?.interval;
  if (!interval || (interval.windows && !interval.windows.includes(window))) return '';
  return '[' + format(interval.low, code) + ' – ' + format(interval.high, code) + ']';
}

const localTime = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB',
  { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

function courtTime(iso) {
  return iso ? localTime.format(new Date(iso)) : '';
}

// ---- session ----------------------------------------------------------------------------------------------

/** The session, or null when the login form is shown. */
async function session() {
  const response = await fetch('/api/v1/session', { credentials: 'same-origin', headers: headers() });
  if (response.ok) return response.json();
  if (response.status === 401) return showLogin();
  // A server without the session endpoint: the API is open, or answers the bearer token of the form.
  try {
    await api('/courts');
    return { auth: state.bearer ? 'token' : 'none', courts: ['*'], expiresAt: null, cookieless: !!state.bearer };
  } catch (e) {
    if (e instanceof LoginNeeded) return showLogin();
    throw e;
  }
}

function showLogin() {
  $('board').hidden = true;
  $('login').hidden = false;
  $('logout').hidden = true;
  $('login-token').focus();
  return null;
}

async function login(event) {
  event.preventDefault();
  const token = $('login-token').value.trim();
  $('login-error').textContent = '';
  const response = await fetch('/api/v1/session', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ token }),
  });
  if (!response.ok) {
    // A server without the session endpoint refuses the POST itself: if it takes the token as a bearer token,
    // the page sends it as a header for this tab (never in the URL); live alerts then stay off.
    const probe = await fetch('/api/v1/courts', { headers: { Authorization: 'Bearer ' + token } });
    if (!probe.ok) {
      $('login-error').textContent = t('loginFailed');
      return;
    }
    state.bearer = token;
    sessionStorage.setItem('caseflow.token', token);
  }
  $('login-token').value = '';
  start();
}

async function logout() {
  sessionStorage.removeItem('caseflow.token');
  state.bearer = null;
  await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'X-Caseflow-Request': '1' } });
  if (state.source) state.source.close();
  showLogin();
}

// ---- courts, clock, definitions -----------------------------------------------------------------------------

function treeOrder(courts) {
  const children = {};
  for (const c of courts) (children[c.parent || ''] ||= []).push(c);
  const out = [];
  const visit = (parent, depth) => {
    for (const c of (children[parent] || []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ ...c, depth });
      visit(c.code, depth + 1);
    }
  };
  const codes = new Set(courts.map((c) => c.code));
  for (const root of courts.filter((c) => !c.parent || !codes.has(c.parent))) {
    out.push({ ...root, depth: 0 });
    visit(root.code, 1);
  }
  return out;
}

async function loadStatic() {
  const [courts, definitions] = await Promise.all([api('/courts'), api('/indicator-definitions')]);
  state.courts = treeOrder(courts);
  state.byCode = Object.fromEntries(state.courts.map((c) => [c.code, c]));
  state.definitions = definitions;
  state.byIndicator = Object.fromEntries(definitions.map((d) => [d.code, d]));
  const select = $('court');
  select.replaceChildren();
  for (const c of state.courts) {
    select.appendChild(el('option', { value: c.code }, '\u00a0'.repeat(2 * c.depth) + c.code + ' ' + courtName(c)));
  }
  const allowed = (state.session.courts || []).filter((c) => c !== '*' && state.byCode[c]);
  select.value = params.get('court') && state.byCode[params.get('court')] ? params.get('court')
    : allowed[0] || (state.courts[0] && state.courts[0].code);
}

async function loadClock() {
  const clock = await api('/clock');
  $('clock').textContent = t('asOf') + ' ' + clock.date + ' · ' + t(clock.mode);
  $('clock').dataset.asOf = clock.date;
  $('clock').dataset.mode = clock.mode;
}

function court() {
  return $('court').value;
}

/** Whether the tree scope applies: asked for, and the court has subordinate courts. */
function treeScope() {
  return $('subordinates').checked && state.byCode[court()]?.level !== 'BASIC';
}

function inTree(code) {
  if (!$('subordinates').checked) return code === court();
  for (let c = state.byCode[code]; c; c = state.byCode[c.parent]) {
    if (c.code === court()) return true;
  }
  return false;
}

// ---- indicator tiles and age chart ---------------------------------------------------------------------------

async function loadIndicators() {
  const c = encodeURIComponent(court());
  const window = $('window').value;
  const category = $('category').value;
  const [values, trend] = await Promise.all([
    api('/courts/' + c + '/indicators?window=' + window + '&subordinates=' + treeScope() + '&category=' + category),
    api('/courts/' + c + '/trend?window=' + window + '&category=' + category + '&subordinates=' + treeScope()),
  ]);
  const mine = values.filter((v) => v.category === category && v.includesSubordinates === treeScope());
  const byCode = Object.fromEntries(mine.map((v) => [v.indicator, v]));
  const scope = state.byCode[court()];
  $('scope-label').textContent = '(' + courtName(scope) + (treeScope() ? ' ' + t('withSubs') : '') + ' · '
    + t(window) + ' · ' + t(category) + (mine[0] ? ' · ' + mine[0].period : '') + ')';
  const tiles = $('tiles');
  tiles.replaceChildren();
  for (const d of state.definitions.filter((x) => !AGE_BUCKETS.includes(x.code))) {
    const v = byCode[d.code];
    const tile = el('div', { class: 'tile band-' + (v ? v.band : 'NO_INTERVAL'), 'data-indicator': d.code });
    tile.appendChild(el('div', { class: 'tile-name', title: d.formula }, indicatorName(d, d.code)));
    tile.appendChild(el('div', { class: 'tile-value' }, v ? format(v.value, d.code) || '—' : '—'));
    // 同比: blank (not 0) when the scope has no data a year earlier.
    const yoy = el('div', { class: 'tile-yoy', 'data-yoy': '' });
    if (v && v.yearEarlierData && v.previousYearValue != null) {
      yoy.dataset.yoy = String(v.previousYearValue);
      const change = v.value == null ? '' : ' (' + (v.value >= v.previousYearValue ? '+' : '')
        + format(v.value - v.previousYearValue, d.code).replace(' %', ' pp') + ')';
      yoy.textContent = t('yoy') + ' ' + format(v.previousYearValue, d.code) + change;
    }
    tile.appendChild(yoy);
    const band = v && v.band !== 'NO_INTERVAL' ? t(v.band) : '';
    tile.appendChild(el('div', { class: 'tile-band' }, [band, intervalText(d.code, window)].filter(Boolean).join(' ')));
    tile.appendChild(sparkline((trend.series[d.code] || []).map((p) => p.value)));
    tiles.appendChild(tile);
  }
  const ages = AGE_BUCKETS.map((code, i) => ({ label: AGE_LABELS[i], value: byCode[code]?.value ?? 0 }));
  $('age-chart').replaceChildren(barChart(ages));
  $('age-chart').dataset.total = String(ages.reduce((sum, a) => sum + a.value, 0));
}

// ---- heat map ---------------------------------------------------------------------------------------------

const heatColumns = () => state.definitions.filter((d) => !AGE_BUCKETS.includes(d.code));

async function loadHeatmap() {
  const map = await api('/courts/' + encodeURIComponent(court()) + '/heatmap?window=' + $('window').value
    + '&category=' + $('category').value);
  state.heatRows = map.rows.filter((r) => r.subordinates || inTree(r.court));
  renderHeatmap();
}

function rankValue(row, code) {
  const v = row.cells[code]?.value;
  if (v == null) return null;
  return state.byIndicator[code]?.direction === 'LOWER_IS_BETTER' ? -v : v;
}

function renderHeatmap() {
  const window = $('window').value;
  const head = el('tr');
  head.appendChild(el('th', {}, t('court')));
  head.appendChild(el('th', {}, state.heatSort ? t('rank') : ''));
  for (const d of heatColumns()) {
    const th = el('th', { 'data-indicator': d.code, class: 'sortable' + (state.heatSort === d.code ? ' sorted' : '') });
    th.appendChild(el('span', {}, indicatorName(d, d.code)));
    th.appendChild(el('span', { class: 'interval' }, intervalText(d.code, window)));
    head.appendChild(th);
  }
  $('heatmap').tHead.replaceChildren(head);
  let rows = [...state.heatRows];
  const ranks = {};
  if (state.heatSort) {
    const ranked = rows.filter((r) => !r.subordinates && rankValue(r, state.heatSort) != null)
      .sort((a, b) => rankValue(b, state.heatSort) - rankValue(a, state.heatSort));
    ranked.forEach((r, i) => { ranks[r.court] = i + 1; });
    rows = rows.filter((r) => r.subordinates).concat(ranked, rows.filter((r) => !r.subordinates && !ranks[r.court]));
  }
  const body = $('heatmap').tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const tr = el('tr', { 'data-court': r.court, class: r.subordinates ? 'total' : null });
    tr.appendChild(el('th', {}, courtName(r) + (r.subordinates ? ' ' + t('withSubs') : '')));
    tr.appendChild(el('td', { class: 'num' }, r.subordinates ? '' : (ranks[r.court] ? String(ranks[r.court]) : '')));
    for (const d of heatColumns()) {
      const v = r.cells[d.code];
      const td = el('td', {
        class: 'num heat band-' + (v ? v.band : 'NO_INTERVAL'), 'data-court': r.court, 'data-indicator': d.code,
        title: indicatorName(d, d.code) + ' ' + intervalText(d.code, window) + (v && v.band !== 'NO_INTERVAL' ? ' ' + t(v.band) : ''),
      }, v ? format(v.value, d.code) : '');
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

// ---- at-risk list -----------------------------------------------------------------------------------------

function fillFilter(id, values) {
  const select = $(id);
  const current = select.value;
  select.replaceChildren(el('option', { value: '' }, t('any')));
  for (const v of values) {
    const label = id === 'f-court' ? v + ' ' + courtName(state.byCode[v] || { name: v }) : v === 'NONE' ? t('none') : v;
    select.appendChild(el('option', { value: v }, label));
  }
  select.value = values.includes(current) ? current : '';
}

async function loadAtRisk() {
  const q = new URLSearchParams({
    withinDays: $('within').value, subordinates: String($('subordinates').checked), sort: state.sort,
    desc: String(state.desc), offset: String(state.offset), limit: String(state.limit),
  });
  for (const f of ['level', 'procedure', 'judge', 'court']) {
    if ($('f-' + f).value) q.set(f, $('f-' + f).value);
  }
  const page = await api('/courts/' + encodeURIComponent(court()) + '/at-risk/page?' + q);
  const body = $('at-risk').tBodies[0];
  body.replaceChildren();
  for (const r of page.rows) {
    const tr = el('tr', { 'data-case-id': r.caseId });
    const first = el('td');
    const link = el('a', { href: '#', 'data-case-id': r.caseId }, r.caseId);
    first.appendChild(link);
    tr.appendChild(first);
    tr.appendChild(el('td', {}, r.court));
    tr.appendChild(el('td', {}, r.procedure));
    tr.appendChild(el('td', {}, r.filedOn || ''));
    tr.appendChild(el('td', {}, r.deadline));
    tr.appendChild(el('td', { class: 'num' + (r.daysRemaining < 0 ? ' overdue' : '') }, String(r.daysRemaining)));
    tr.appendChild(el('td', { class: r.level ? 'level-' + r.level : null }, r.level || ''));
    tr.appendChild(el('td', {}, r.judge || ''));
    body.appendChild(tr);
  }
  $('at-risk-empty').hidden = page.total > 0;
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  $('page-info').textContent = t('page') + ' ' + (Math.floor(page.offset / page.limit) + 1) + ' ' + t('of') + ' '
    + pages + ' · ' + page.total + ' ' + t('cases');
  $('at-risk').dataset.total = String(page.total);
  $('prev').disabled = page.offset === 0;
  $('next').disabled = page.offset + page.limit >= page.total;
  for (const f of ['level', 'procedure', 'judge', 'court']) fillFilter('f-' + f, page.facets[f] || []);
  for (const th of $('at-risk').tHead.rows[0].cells) {
    th.className = 'sortable' + (th.dataset.sort === state.sort ? (state.desc ? ' sorted desc' : ' sorted') : '');
  }
}

// ---- case drawer ------------------------------------------------------------------------------------------

function section(title, content) {
  const s = el('section');
  s.appendChild(el('h3', {}, title));
  s.appendChild(content);
  return s;
}

async function openCase(caseId) {
  const c = await api('/cases/' + encodeURIComponent(caseId));
  const body = $('drawer-body');
  body.replaceChildren(el('h2', {}, c.caseId));
  const facts = el('dl', { class: 'facts' });
  for (const [key, value] of [['court', c.court], ['procedure', c.procedure], ['status', c.status],
    ['filedOn', c.filedOn], ['deadline', c.deadline], ['judge', c.judge]]) {
    facts.appendChild(el('dt', {}, t(key)));
    facts.appendChild(el('dd', {}, value == null ? '' : String(value)));
  }
  body.appendChild(facts);
  const explanation = el('ol', { class: 'explanation' });
  for (const line of c.explanation || []) explanation.appendChild(el('li', {}, line));
  body.appendChild(section(t('explanation'), explanation));
  if ((c.firingAlerts || []).length) {
    const ul = el('ul');
    for (const a of c.firingAlerts) ul.appendChild(el('li', { class: 'level-' + a.level }, a.level + ' · ' + a.deadline));
    body.appendChild(section(t('firing'), ul));
  }
  if ((c.flags || []).length) {
    const ul = el('ul');
    for (const f of c.flags) ul.appendChild(el('li', {}, f));
    body.appendChild(section(t('flags'), ul));
  }
  if (Array.isArray(c.acknowledgements) && c.acknowledgements.length) {
    const ul = el('ul', { class: 'acks' });
    for (const a of c.acknowledgements) {
      ul.appendChild(el('li', {}, courtTime(a.ackedAt) + ' · ' + a.by + ' · ' + a.alertId + (a.note ? ' — ' + a.note : '')));
    }
    body.appendChild(section(t('acknowledgements'), ul));
  }
  const history = el('table', { class: 'history' });
  for (const e of c.history || []) {
    const tr = el('tr');
    tr.appendChild(el('td', {}, courtTime(e.occurredAt)));
    tr.appendChild(el('td', {}, e.type || ''));
    const rest = Object.entries(e).filter(([k]) => !['eventId', 'caseId', 'court', 'occurredAt', 'type'].includes(k))
      .map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ');
    tr.appendChild(el('td', { class: 'muted' }, rest));
    history.appendChild(tr);
  }
  body.appendChild(section(t('history'), history));
  $('drawer').hidden = false;
  $('drawer').dataset.caseId = c.caseId;
}

// ---- live alerts ------------------------------------------------------------------------------------------

function followAlerts() {
  if (state.source) state.source.close();
  if (state.session.cookieless) {
    // EventSource cannot send a header: live alerts need the server's session cookie.
    $('alerts-state').textContent = t('liveOff') + ' ' + t('noSessionSupport');
    return;
  }
  $('alerts-state').textContent = t('liveOn');
  state.source = new EventSource('/api/v1/alerts/stream', { withCredentials: true });
  state.source.addEventListener('alert', (message) => {
    const alert = JSON.parse(message.data);
    if (!inTree(alert.court)) return;
    const li = el('li', { class: 'status-' + alert.status + ' level-' + alert.level, 'data-status': alert.status });
    li.appendChild(el('span', { class: 'when' }, courtTime(alert.raisedAt)));
    li.appendChild(el('span', { class: 'badge' }, t(alert.status)));
    li.appendChild(el('span', {}, alert.level + ' · ' + alert.court + ' · '));
    li.appendChild(el('a', { href: '#', 'data-case-id': alert.caseId }, alert.caseId));
    li.appendChild(el('span', { class: 'muted' }, ' ' + t('deadline') + ' ' + alert.deadline));
    $('alerts').prepend(li);
    while ($('alerts').children.length > 50) $('alerts').lastChild.remove();
  });
}

// ---- wiring -----------------------------------------------------------------------------------------------

// Issue 15: open deadlines in a year no published calendar covers are computed on weekends only; say so loudly.
async function loadReference() {
  const reference = await api('/reference');
  const banner = $('uncovered-banner');
  if (!reference.uncoveredTotal) {
    banner.hidden = true;
    return;
  }
  const years = [...new Set(reference.uncovered.map((u) => u.year))].sort().join(', ');
  banner.textContent = t('uncoveredBanner').replace('{n}', reference.uncoveredTotal).replace('{years}', years);
  banner.hidden = false;
}

async function refresh() {
  if (!court()) return;
  try {
    await Promise.all([loadClock(), loadIndicators(), loadHeatmap(), loadAtRisk(), loadReference()]);
    status('');
    if (!document.body.dataset.loaded) performance.mark('board-loaded'); // first data paint, for the measurement
    document.body.dataset.loaded = 'true';
  } catch (e) {
    if (e instanceof LoginNeeded) showLogin(); else status(String(e));
  }
}

let timer = null;

async function start() {
  try {
    state.session = await session();
    if (!state.session) return;
    $('login').hidden = true;
    $('board').hidden = false;
    $('logout').hidden = state.session.auth !== 'token';
    await loadStatic();
    await refresh();
    if (live) {
      followAlerts();
      clearInterval(timer);
      timer = setInterval(refresh, 10000);
    } else {
      $('alerts-state').textContent = t('liveOff');
    }
  } catch (e) {
    if (e instanceof LoginNeeded) showLogin(); else status(String(e));
  }
}

function wire() {
  translatePage();
  const other = new URLSearchParams(location.search);
  other.set('lang', lang === 'zh' ? 'en' : 'zh');
  $('lang-switch').href = '?' + other;
  $('lang-switch').textContent = lang === 'zh' ? 'English' : '中文';
  state.bearer = sessionStorage.getItem('caseflow.token');
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  const reset = () => { state.offset = 0; refresh(); };
  for (const id of ['court', 'subordinates', 'window', 'category']) $(id).addEventListener('change', reset);
  for (const id of ['within', 'f-level', 'f-procedure', 'f-judge', 'f-court']) {
    $(id).addEventListener('change', () => { state.offset = 0; loadAtRisk().catch((e) => status(String(e))); });
  }
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadAtRisk(); });
  $('next').addEventListener('click', () => { state.offset += state.limit; loadAtRisk(); });
  $('at-risk').tHead.addEventListener('click', (e) => {
    const sort = e.target.closest('th')?.dataset.sort;
    if (!sort) return;
    state.desc = state.sort === sort ? !state.desc : false;
    state.sort = sort;
    state.offset = 0;
    loadAtRisk();
  });
  $('heatmap').tHead.addEventListener('click', (e) => {
    const code = e.target.closest('th')?.dataset.indicator;
    if (!code) return;
    state.heatSort = state.heatSort === code ? null : code;
    renderHeatmap();
  });
  document.addEventListener('click', (e) => {
    const link = e.target.closest('a[data-case-id]');
    if (!link) return;
    e.preventDefault();
    openCase(link.dataset.caseId).catch((err) => status(String(err)));
  });
  $('drawer-close').addEventListener('click', () => { $('drawer').hidden = true; });
}

wire();
start();
