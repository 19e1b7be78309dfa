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

  function showProblem(errors, answer) {
    errors.replaceChildren(Object.assign(document.createElement('strong'), { textContent: answer.title || '保存できませんでした。' }));
    const list = document.createElement('ul');
    for (const message of Object.values(answer.errors || {}).flat()) list.append(Object.assign(document.createElement('li'), { textContent: message }));
    if (!answer.errors && answer.detail) list.append(Object.assign(document.createElement('li'), { textContent: answer.detail }));
    errors.append(list);
    errors.hidden = false;
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
