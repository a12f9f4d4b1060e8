// Caseflow court page: plain JavaScript over the JSON API (/api/v1), no build step.
// A token given as ?token=... is sent as a bearer token; the court as ?court=湘0211; ?live=0 turns
// off the alert stream and the 10 s refresh (a page that never stops loading is hard to snapshot).
'use strict';
const params = new URLSearchParams(location.search);
const token = params.get('token');
const headers = token ? { Authorization: 'Bearer ' + token } : {};
const SHOWN = ['FILINGS', 'CLOSURES', 'PENDING', 'CLEARANCE_RATE', 'CLOSURE_RATE', 'ON_TIME_CLOSURE_RATE',
  'OVERDUE_PENDING', 'AVG_DURATION_DAYS', 'APPEAL_RATE', 'CASE_MATTER_RATIO', 'ENFORCEMENT_COMPLETION_RATE'];
const $ = (id) => document.getElementById(id);
const levels = {}; // court code → BASIC, INTERMEDIATE, HIGH

async function api(path) {
  const response = await fetch('/api/v1' + path, { headers });
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text == null ? '—' : text;
  if (className) td.className = className;
  return td;
}

function number(value, indicator) {
  if (value == null) return null;
  if (indicator.endsWith('_RATE')) return (100 * value).toFixed(1) + ' %';
  if (indicator === 'CASE_MATTER_RATIO') return '1 : ' + value.toFixed(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

async function loadCourts() {
  const courts = await api('/courts');
  const select = $('court');
  for (const c of courts) {
    const option = document.createElement('option');
    option.value = c.code;
    option.textContent = c.code + ' ' + c.name;
    levels[c.code] = c.level;
    select.appendChild(option);
  }
  if (params.get('court')) select.value = params.get('court');
}

async function loadAtRisk(court) {
  const rows = await api('/courts/' + encodeURIComponent(court) + '/at-risk?withinDays=' + $('within').value);
  const body = $('at-risk').tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.caseId = r.caseId;
    cell(tr, r.caseId);
    cell(tr, r.procedure);
    cell(tr, r.deadline);
    cell(tr, r.daysRemaining, 'num' + (r.daysRemaining < 0 ? ' overdue' : ''));
    cell(tr, r.level, r.level ? 'level-' + r.level : null);
    cell(tr, r.judge);
  }
  $('at-risk-empty').hidden = rows.length > 0;
}

async function loadIndicators(court) {
  const values = await api('/courts/' + encodeURIComponent(court) + '/indicators?window=MONTH');
  const body = $('indicators').tBodies[0];
  body.replaceChildren();
  // A basic court has no subordinate courts: its tree scope repeats the court alone.
  const tree = levels[court] !== 'BASIC';
  const shown = values.filter((v) => v.category === 'ALL' && SHOWN.includes(v.indicator)
      && (tree || !v.includesSubordinates))
    .sort((a, b) => SHOWN.indexOf(a.indicator) - SHOWN.indexOf(b.indicator)
      || Number(a.includesSubordinates) - Number(b.includesSubordinates));
  for (const v of shown) {
    const tr = body.insertRow();
    tr.dataset.indicator = v.indicator;
    cell(tr, v.indicator);
    cell(tr, v.includesSubordinates ? v.scope + ' + subordinate courts' : v.scope);
    cell(tr, number(v.value, v.indicator), 'num');
    cell(tr, number(v.previousYearValue, v.indicator), 'num');
    cell(tr, v.band === 'NO_INTERVAL' ? '' : v.band, 'band-' + v.band);
  }
}

async function refresh() {
  const court = $('court').value;
  if (!court) return;
  try {
    await Promise.all([loadAtRisk(court), loadIndicators(court)]);
    $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    $('status').textContent = String(e);
  }
}

function followAlerts() {
  if (token) return; // EventSource cannot send a bearer token
  const source = new EventSource('/api/v1/alerts/stream');
  source.addEventListener('alert', (message) => {
    const alert = JSON.parse(message.data);
    if (alert.court !== $('court').value) return;
    const li = document.createElement('li');
    li.textContent = alert.raisedAt + ' ' + alert.status + ' ' + alert.level + ' ' + alert.caseId
      + ' (deadline ' + alert.deadline + ')';
    li.className = 'level-' + alert.level;
    $('alerts').prepend(li);
    while ($('alerts').children.length > 20) $('alerts').lastChild.remove();
  });
}

loadCourts().then(refresh).catch((e) => { $('status').textContent = String(e); });
$('court').addEventListener('change', refresh);
$('within').addEventListener('change', refresh);
if (params.get('live') !== '0') {
  setInterval(refresh, 10000);
  followAlerts();
}
