// Forms that write through the JSON API, so that the pages and the scripts of vendors use the same routes and get
// the same checks. A form names its route (data-api), method (data-method), the shape of its JSON (data-shape) and
// where to go on success (data-next, where {id} is the created id). Errors are shown in Japanese, field by field;
// nothing typed is lost.
(() => {
  const nfkc = v => (v || '').normalize('NFKC').trim();
  const int = v => (nfkc(v) === '' ? null : Number.parseInt(nfkc(v), 10));
  const text = v => (v && v.trim() ? v.trim() : null);
  const slots = f => [1, 2].map(n => ({ start: f[`slot${n}Start`]?.value, end: f[`slot${n}End`]?.value })).filter(s => text(s.start) || text(s.end));

  // 気仙沼市(19)，登米市(14) … as the summaries write head counts.
  const counts = v => nfkc(v).split(/[,、\n]+/).map(s => s.trim()).filter(Boolean).map(s => {
    const m = s.match(/^(.+?)\s*\((-?\d+)\)$/);
    return m ? { name: m[1].trim(), count: Number(m[2]) } : { name: s, count: Number.NaN };
  });

  const shapes = {
    meeting: f => ({
      bodyId: f.bodyId.value, kind: f.kind.value, title: text(f.title.value), date: f.date.value, slots: slots(f), venue: text(f.venue.value), room: text(f.room.value),
      extra: Object.fromEntries([...f.querySelectorAll(`fieldset.extra[data-kind="${f.kind.value}"] input`)].map(i => [i.name.slice('extra.'.length), text(i.value)])),
    }),
    body: f => ({
      name: f.name.value, tier: int(f.tier.value), territory: f.territory.value, districtId: text(f.districtId.value),
      cadence: { atLeast: int(f.atLeast.value), atMost: int(f.atMost.value), meetEvenWithoutCase: f.meetEvenWithoutCase.checked },
      charter: Object.fromEntries(['why', 'what', 'who', 'where', 'when', 'how'].map(k => [k, text(f[k].value)])),
    }),
    // A meeting's day, times and place corrected on its own page.
    when: f => ({ date: f.date.value, slots: slots(f), venue: text(f.venue.value), room: text(f.room.value) }),
    plan: f => ({ dates: f.dates.value.split(/\n+/).map(s => s.trim()).filter(Boolean), venue: text(f.venue.value), slots: slots(f) }),
    // Adds one change to the meeting's convening scope; a later change for the same organisation replaces the earlier one.
    convening: f => ({
      convening: [...JSON.parse(f.dataset.current).filter(c => c.organisationId !== f.organisationId.value),
        { organisationId: f.organisationId.value, added: f.added.value === 'true', reason: text(f.reason.value) }],
    }),
    attendance: f => ({
      attendance: { counts: counts(f.counts.value), statedTotal: int(f.statedTotal.value), observers: int(f.observers.value) ?? 0 },
      nextMeetingDate: f.nextMeetingDate.value, isPublic: f.isPublic.checked, minutesPublic: f.minutesPublic.checked,
    }),
    publish: f => ({ reviewedHash: f.reviewedHash.value }),
    organisation: f => ({ name: text(f.name.value), typeId: f.typeId.value, districtId: text(f.districtId.value) }),
    person: f => ({
      name: text(f.name.value), reading: text(f.reading.value), title: text(f.title.value), organisationId: text(f.organisationId.value),
      roles: f.role?.value ? [{ role: f.role.value, since: text(f.since.value) }] : [],
    }),
    roleEnd: f => ({ until: text(f.until.value) }),
    personRole: f => ({
      role: f.role.value, position: text(f.position.value), bodyId: text(f.bodyId.value), since: text(f.since.value), until: text(f.until.value),
    }),
    none: () => ({}),
    password: f => ({ currentPassword: f.currentPassword.value, newPassword: f.newPassword.value }),
    user: f => ({
      userName: nfkc(f.userName.value), displayName: text(f.displayName.value), password: f.password.value || null, externalName: text(f.externalName.value),
      grants: [{ role: f.role.value, districtId: text(f.districtId.value), clearance: f.clearance.value }],
    }),
  };

  // The box an API error key names: slots[1] is the second time slot's start, charter.why the why box, and so on.
  function fieldFor(form, key) {
    const slot = key.match(/^slots\[(\d+)\]/);
    const names = slot ? [`slot${Number(slot[1]) + 1}Start`] : [key, ...key.replace(/\[\d+\]/g, '').split('.').reverse()];
    for (const name of names) {
      const found = form.elements.namedItem(name);
      const field = found instanceof RadioNodeList ? found[0] : found;
      if (field && field.type !== 'hidden') return field;
    }
    return null;
  }

  function clearFieldErrors(form) {
    for (const message of form.querySelectorAll('.field-error')) {
      const field = form.querySelector(`[aria-describedby~="${message.id}"]`);
      if (field) {
        const rest = field.getAttribute('aria-describedby').split(' ').filter(id => id !== message.id);
        if (rest.length) field.setAttribute('aria-describedby', rest.join(' ')); else field.removeAttribute('aria-describedby');
        field.removeAttribute('aria-invalid');
      }
      message.remove();
    }
  }

  // Each message also appears beside its field, which is marked invalid and described by it.
  let errorCount = 0;
  function showFieldErrors(form, answer) {
    for (const [key, messages] of Object.entries(answer.errors || {})) {
      const field = fieldFor(form, key);
      if (!field) continue;
      const message = Object.assign(document.createElement('span'), {
        className: 'field-error', id: `field-error-${++errorCount}`, textContent: [messages].flat().join(' '),
      });
      const box = field.closest('.field');
      if (box) box.append(message); else field.after(message);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
    }
  }

  function showProblem(errors, answer) {
    const form = errors.closest('form');
    if (form) { clearFieldErrors(form); showFieldErrors(form, answer); }
    errors.replaceChildren(Object.assign(document.createElement('strong'), { textContent: answer.title || '保存できませんでした。' }));
    const list = document.createElement('ul');
    for (const message of Object.values(answer.errors || {}).flat()) list.append(Object.assign(document.createElement('li'), { textContent: message }));
    if (!answer.errors && answer.detail) list.append(Object.assign(document.createElement('li'), { textContent: answer.detail }));
    errors.append(list);
    errors.hidden = false;
  }

  // Dates are typed (和暦, 西暦, full-width) or picked: a calendar beside the text box fills it in. Without script the
  // text box alone still works.
  const dateFields = 'input[name=date], input[name=nextMeetingDate], input[name=since], input[name=until], '
    + 'input[name=pledgedOn], input[name=consentedOn], input[data-date], textarea[name=dates]';
  for (const field of document.querySelectorAll(dateFields)) {
    if (field.type === 'hidden' || field.dataset.date === 'off') continue;
    const name = (field.labels?.[0]?.textContent || field.getAttribute('aria-label') || '日付').replace(/（.*$/, '').trim();
    const picker = Object.assign(document.createElement('input'), { type: 'date' });
    picker.setAttribute('aria-label', field.tagName === 'TEXTAREA' ? `${name}にカレンダーから1日追加` : `${name}をカレンダーから選ぶ`);
    const wrap = Object.assign(document.createElement('span'), { className: 'date-picker' });
    wrap.append(picker);
    field.after(wrap);
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (field.tagName !== 'TEXTAREA' && iso.test(field.value.trim())) picker.value = field.value.trim();
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      if (field.tagName === 'TEXTAREA') field.value = [...field.value.split('\n').filter(l => l.trim()), picker.value].join('\n');
      else field.value = picker.value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    field.addEventListener('input', () => { if (field.tagName !== 'TEXTAREA' && iso.test(field.value.trim())) picker.value = field.value.trim(); });
  }

  // Enter in a one-line box of a form with several boxes goes on to the next box instead of sending the half-filled
  // form; the form is sent with its button. Forms whose Enter should send (data-enter="submit") and the recorder's
  // one-line entry boxes (not these forms) keep Enter as it is.
  for (const form of document.querySelectorAll('form[data-api], form[data-upload], form.settings')) {
    const boxes = form.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]), textarea, select');
    if (boxes.length < 2 || form.dataset.enter === 'submit') continue;
    form.addEventListener('keydown', e => {
      const t = e.target;
      if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229 || !(t instanceof HTMLInputElement)) return;
      if (['checkbox', 'radio', 'submit', 'button', 'reset', 'file', 'image'].includes(t.type)) return;
      e.preventDefault();
      const order = [...form.elements].filter(el => !el.disabled && el.type !== 'hidden' && el.getClientRects().length > 0);
      order[order.indexOf(t) + 1]?.focus();
    });
  }

  // A kind's own fields are shown while that kind is chosen.
  for (const kind of document.querySelectorAll('form[data-shape=meeting] select[name=kind]')) {
    const sync = () => { for (const set of kind.form.querySelectorAll('fieldset.extra')) set.hidden = set.dataset.kind !== kind.value; };
    kind.addEventListener('change', sync);
    sync();
  }

  for (const form of document.querySelectorAll('form[data-upload]')) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const response = await fetch(form.dataset.upload, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' } });
      if (response.ok) location.reload();
      else showProblem(form.querySelector('.form-errors'), await response.json().catch(() => ({})));
    });
  }

  for (const form of document.querySelectorAll('form[data-api]')) {
    const errors = form.querySelector('.form-errors');
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = shapes[form.dataset.shape](form);
      if (body.attendance?.counts.some(c => Number.isNaN(c.count))) {
        errors.textContent = '人数は「気仙沼市(19)」のように、名前のあとに括弧で人数を書いてください。';
        errors.hidden = false;
        return;
      }
      const response = await fetch(form.dataset.api, {
        method: form.dataset.method || 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        const id = Array.isArray(answer) ? '' : answer.id;
        location.href = (form.dataset.next || location.pathname).replace('{id}', id);
        return;
      }
      showProblem(errors, answer);
    });
  }
})();
