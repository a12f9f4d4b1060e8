// Labels of the board in English and Chinese; indicator names come from the indicator seed (nameEn / nameZh).
const TEXT = {
  en: {
    title: 'Caseflow', court: 'Court', withSubordinates: 'with subordinate courts', window: 'Window',
    MONTH: 'month', YEAR_TO_DATE: 'year to date', ROLLING_12M: 'last 12 months', category: 'Category',
    ALL: 'all', CIVIL: 'civil', CRIMINAL: 'criminal', ADMINISTRATIVE: 'administrative', ENFORCEMENT: 'enforcement',
    logout: 'Sign out', loginTitle: 'Sign in', token: 'API token', signIn: 'Sign in', indicators: 'Indicators',
    heatmap: 'Courts × indicators',
    heatmapHint: '(colour = band against the reference interval; click an indicator to rank the courts)',
    atRisk: 'At risk', atRiskHint: '(open cases due soon or overdue)', dueWithin: 'Due within', days: 'days',
    level: 'Alert', procedure: 'Procedure', judge: 'Judge', case: 'Case', filedOn: 'Filed', deadline: 'Deadline',
    daysLeft: 'Days left', noneAtRisk: 'No case is due within this period.', age: 'Age of pending cases',
    alerts: 'Live alerts', any: 'any', none: 'none', asOf: 'As of', WALL_CLOCK: 'wall clock',
    EVENT_TIME: 'event time (simulated clock)', yoy: '同比', yearEarlier: 'a year earlier', interval: 'interval',
    BETTER: 'better', IN_RANGE: 'in range', WORSE: 'worse', NO_INTERVAL: '', withSubs: '+ subordinate courts',
    page: 'page', of: 'of', cases: 'cases', explanation: 'Deadline explanation', history: 'History',
    acknowledgements: 'Acknowledgements', firing: 'Firing alerts', flags: 'Flags', status: 'Status',
    RESOLVED: 'resolved', FIRING: 'firing', liveOn: '(live)', liveOff: '(live feed off)', rank: 'rank',
    uncoveredBanner: '{n} open cases have a deadline in a year without a published holiday calendar ({years}): those'
      + ' deadlines count weekends only and will move when the calendar is published (caseflow reference publish).',
    loginFailed: 'The token was not accepted.', signedInAs: 'signed in', noSessionSupport: 'live alerts need a server session',
  },
  zh: {
    title: 'Caseflow 审判态势', court: '法院', withSubordinates: '含下级法院', window: '统计区间',
    MONTH: '本月', YEAR_TO_DATE: '本年累计', ROLLING_12M: '近12个月', category: '案件类别',
    ALL: '全部', CIVIL: '民事', CRIMINAL: '刑事', ADMINISTRATIVE: '行政', ENFORCEMENT: '执行',
    logout: '退出', loginTitle: '登录', token: '访问令牌', signIn: '登录', indicators: '质效指标',
    heatmap: '法院 × 指标', heatmapHint: '（颜色 = 相对合理区间的位置；点击指标对法院排名）',
    atRisk: '审限预警', atRiskHint: '（即将到期或已超审限的未结案件）', dueWithin: '到期于', days: '天内',
    level: '预警', procedure: '程序', judge: '承办法官', case: '案号', filedOn: '立案日期', deadline: '审限届满',
    daysLeft: '剩余天数', noneAtRisk: '此期间内没有到期案件。', age: '未结案件账龄',
    uncoveredBanner: '{n} 件未结案件的审限届满日所在年份尚无已发布的节假日安排（{years}）：这些审限仅按周末计算，'
      + '节假日安排发布后将会变动（caseflow reference publish）。',
    alerts: '实时预警', any: '全部', none: '无', asOf: '数据截至', WALL_CLOCK: '实时时钟',
    EVENT_TIME: '事件时间（模拟时钟）', yoy: '同比', yearEarlier: '去年同期', interval: '合理区间',
    BETTER: '优于区间', IN_RANGE: '区间内', WORSE: '劣于区间', NO_INTERVAL: '', withSubs: '含下级法院',
    page: '第', of: '页 / 共', cases: '件', explanation: '审限计算说明', history: '案件节点',
    acknowledgements: '预警确认', firing: '未消除预警', flags: '提示', status: '状态',
    RESOLVED: '已解除', FIRING: '预警中', liveOn: '（实时）', liveOff: '（实时推送已关闭）', rank: '排名',
    loginFailed: '令牌无效。', signedInAs: '已登录', noSessionSupport: '实时预警需要服务器会话',
  },
};

export const lang = new URLSearchParams(location.search).get('lang') === 'zh' ? 'zh' : 'en';

export function t(key) {
  return TEXT[lang][key] ?? TEXT.en[key] ?? key;
}

/** Fills every element marked data-t with its label. */
export function translatePage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-t]')) {
    el.textContent = t(el.dataset.t);
  }
}

/** The indicator's name from the seed in the page's language (the code when the seed does not know it). */
export function indicatorName(definition, code) {
  if (!definition) return code;
  return lang === 'zh' ? definition.nameZh : definition.nameEn;
}

export function courtName(court) {
  return lang === 'zh' ? court.name : (court.nameEn || court.name);
}
