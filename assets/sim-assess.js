// drillbook: the simulator's assessment result view (an ES module): score, mastery score,
// mistakes with the article step each one broke, time, and the retry and practise links.
// Every string comes from the simulator's JSON (`data.text`, `data.assessment.text`).

import { button, h } from './sim-dom.js';

const LIST_OF = { 'suspend-subscription': 'subscriptions', 'reactivate-subscription': 'subscriptions', 'cancel-reservation': 'reservations', 'cancel-software': 'software' };

/** Returns `(scenario, r, judged, customerOf) => nodes`: the result section's children for
 * the report `r` (see `mount`'s `report`) and the attempt's judged actions. */
export function resultView(data, rule) {
  const { text } = data;
  const percent = new Intl.NumberFormat(data.locale, { style: 'percent', maximumFractionDigits: 0 });
  // Rounded down: a failing score never shows as the mastery score.
  const pct = (x) => percent.format(Math.floor(x * 100 + 1e-9) / 100);
  const clock = (ms) => {
    const sec = Math.round(ms / 1000);
    return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
  };

  return (scenario, r, judged, customerOf) => {
    const row = (label, ...value) => [h('dt', { text: label }), h('dd', {}, ...value)];
    const mistakes = judged.filter((j) => j.refused || j.unnecessary).map((j) => {
      const c = customerOf(j.action.customer);
      const list = LIST_OF[j.action.action];
      const item = c && list && c[list].find((x) => x.id === j.action.item);
      const kind = data.actions.find((a) => a.id === j.action.action);
      const href = j.step && scenario.steps[j.step];
      return h('li', {},
        h('strong', { class: 'sim-verdict', text: text[j.refused ? 'sim-result-refused' : 'sim-result-unnecessary'] }),
        h('span', { class: 'sim-what', text: kind ? kind.label : j.action.action }),
        c ? h('span', { class: 'sim-object', text: c.name }) : null, item ? h('span', { class: 'sim-object', text: item.name }) : null,
        h('span', { class: 'sim-step' }, ...(href ? [text['sim-result-step'], h('a', { href, text: text['sim-fix'][j.step] })] : [text['sim-result-no-step']])));
    });
    return [
      h('h3', { id: 'sim-result-title', tabindex: '-1', 'data-key': 'result', text: text['sim-result-title'] }),
      h('p', { class: r.passed ? 'sim-passed' : 'sim-failed' }, h('strong', { text: text[r.passed ? 'sim-result-passed' : 'sim-result-failed'] })),
      r.goalReached ? null : h('p', { text: text['sim-result-goal-not-reached'] }),
      h('dl', {}, row(text['sim-result-score'], pct(r.score)), row(text['sim-result-mastery'], pct(r.masteryScore)),
        row(text['sim-result-mistakes'], String(r.mistakes), h('span', { class: 'sim-allowed', text: rule.text['sim-result-allowed'] })),
        row(text['sim-result-time'], clock(r.elapsedMs))),
      h('h4', { text: text['sim-result-mistakes-title'] }),
      mistakes.length ? h('ul', { class: 'sim-mistakes' }, mistakes) : h('p', { text: text['sim-result-no-mistakes'] }),
      h('p', { class: 'sim-actions' }, button(text['sim-result-retry'], { 'data-cmd': 'retry', 'data-key': 'retry' }),
        h('a', { href: '?mode=practice#sim', 'data-cmd': 'mode', 'data-mode': 'practice', 'data-key': 'practise', text: text['sim-result-practise'] })),
    ];
  };
}
