// Tandem's audit page in Cockpit, for auditors and process owners.
// #/audit                     search instances of a process, running or finished, by business key and dates
// #/audit?instance=<id>       one instance: path, who did each step, variables as they changed, incidents, operations
// #/audit?invoice=<number>    an invoice's lineage: the entries it bills, who recorded them, who created and posted it,
//                             the credit notes against it or the invoice a credit note reverses
// #/audit?entry=<id>          a timesheet entry: its changes and the invoices and credit notes that hold it
// #/audit?changes=1&...       the audit trail of billing data, by record type, person and days
// Reads only: the engine's history through Cockpit's REST API, Tandem's lineage through the plugin resource.

const PAGE = '#/audit';
// The entities marked @Audited in Tandem's code.
const AUDITED = ['TimesheetEntry', 'SalesOrder', 'SalesOrderLine', 'Invoice', 'InvoiceLine', 'BillingAllocation',
  'Worksheet', 'WorksheetSignature', 'StockLevel', 'StockMove'];

function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

// Every time on the page is shown, and every date typed is read, in the company's time zone (the
// server's tandem.company.time-zone), whatever the browser's: set by show() before anything is drawn.
let zone = 'UTC';

function clockParts(date) {
  return Object.fromEntries(new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
    .formatToParts(date).map(part => [part.type, part.value]));
}

/** An instant as the company's clock showed it: 2026-11-23 14:05:09. */
function moment(iso) {
  if (!iso) {
    return '';
  }
  const p = clockParts(new Date(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The instant a day (2026-11-23) plus some days begins in the company's time zone, as the engine's REST API writes it. */
function dayStart(day, plusDays = 0) {
  const [y, m, d] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d + plusDays);
  const offset = instant => {
    const p = clockParts(new Date(instant));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  };
  let instant = midnightUtc - offset(midnightUtc);
  instant = midnightUtc - offset(instant);
  return new Date(instant).toISOString().replace('Z', '+0000');
}

function shown(value) {
  if (value === null || value === undefined) {
    return '';
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

function link(params, text) {
  return `<a href="${PAGE}?${new URLSearchParams(params)}">${esc(text)}</a>`;
}

function table(id, headings, rows, empty) {
  if (!rows.length) {
    return `<p class="tandem-empty" id="${id}">${esc(empty)}</p>`;
  }
  return `<table class="table table-bordered table-condensed cam-table tandem-table" id="${id}">
    <thead><tr>${headings.map(h => `<th>${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map(cells => `<tr>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Time as people read it, with the decimal hours money is computed with: 6:10 h · 6.17. */
function hours(minutes) {
  const whole = Math.abs(minutes);
  const clock = `${minutes < 0 ? '-' : ''}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return `${clock} h · ${(minutes / 60).toFixed(2)}`;
}

async function get(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

function query(params) {
  return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

async function searchView(api, node, params) {
  const definitions = await get(`${api.engineApi}/process-definition?${query({latestVersion: true, sortBy: 'name', sortOrder: 'asc'})}`);
  const key = params.get('definition') || '';
  node.innerHTML = `
    <h2>Audit</h2>
    <form class="form-inline tandem-form" id="tandem-search">
      <label>Process <select name="definition" class="form-control">
        <option value="">any</option>
        ${definitions.map(d => `<option value="${esc(d.key)}" ${d.key === key ? 'selected' : ''}>${esc(d.name || d.key)}</option>`).join('')}
      </select></label>
      <label>Business key <input name="businessKey" class="form-control" value="${esc(params.get('businessKey'))}" placeholder="order, ticket, task or invoice number"></label>
      <label>Started from <input type="date" name="from" class="form-control" value="${esc(params.get('from'))}"></label>
      <label>to <input type="date" name="to" class="form-control" value="${esc(params.get('to'))}"></label>
      <label><input type="checkbox" name="finished" value="true" ${params.get('finished') === 'true' ? 'checked' : ''}> finished only</label>
      <button type="submit" class="btn btn-primary">Search</button>
    </form>
    <form class="form-inline tandem-form" id="tandem-invoice">
      <label>Invoice lineage <input name="invoice" class="form-control" placeholder="INV/2026/00007"></label>
      <button type="submit" class="btn btn-default">Show</button>
    </form>
    <form class="form-inline tandem-form" id="tandem-trail">
      <label>Changes to billing data <select name="entity" class="form-control">
        <option value="">all records</option>${AUDITED.map(e => `<option value="${e}">${e}</option>`).join('')}
      </select></label>
      <label>by <input name="by" class="form-control" placeholder="user id"></label>
      <label>from <input type="date" name="from" class="form-control"></label>
      <label>to <input type="date" name="to" class="form-control"></label>
      <button type="submit" class="btn btn-default">Show</button>
    </form>
    <div id="tandem-results"></div>`;
  node.querySelector('#tandem-search').addEventListener('submit', event => {
    event.preventDefault();
    const form = new FormData(event.target);
    window.location.hash = `${PAGE}?${query({definition: form.get('definition'), businessKey: form.get('businessKey'),
      from: form.get('from'), to: form.get('to'), finished: form.get('finished'), search: 'true'})}`;
  });
  node.querySelector('#tandem-trail').addEventListener('submit', event => {
    event.preventDefault();
    const form = new FormData(event.target);
    window.location.hash = `${PAGE}?${query({changes: 1, entity: form.get('entity'), by: form.get('by').trim(),
      from: form.get('from'), to: form.get('to')})}`;
  });
  node.querySelector('#tandem-invoice').addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = `${PAGE}?${query({invoice: new FormData(event.target).get('invoice').trim()})}`;
  });
  if (!params.get('search')) {
    return;
  }
  const filters = {
    processDefinitionKey: key,
    businessKeyLike: params.get('businessKey') ? `%${params.get('businessKey')}%` : null,
    startedAfter: params.get('from') ? dayStart(params.get('from')) : null,
    startedBefore: params.get('to') ? dayStart(params.get('to'), 1) : null,
    finished: params.get('finished') === 'true' ? true : null,
    sortBy: 'startTime', sortOrder: 'desc', maxResults: 200,
  };
  const instances = await get(`${api.engineApi}/history/process-instance?${query(filters)}`);
  node.querySelector('#tandem-results').innerHTML = table('tandem-instances',
    ['Business key', 'Process', 'Version', 'Started', 'Ended', 'State', 'Started by'],
    instances.map(i => [link({instance: i.id}, i.businessKey || i.id), esc(i.processDefinitionName || i.processDefinitionKey),
      esc(i.processDefinitionVersion), esc(moment(i.startTime)), esc(moment(i.endTime)), esc(i.state), esc(i.startUserId)]),
    'No instance matches.');
}

async function instanceView(api, node, id) {
  const history = `${api.engineApi}/history`;
  const [instance, activities, tasks, details, incidents, operations] = await Promise.all([
    get(`${history}/process-instance/${encodeURIComponent(id)}`),
    get(`${history}/activity-instance?${query({processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc'})}`),
    get(`${history}/task?${query({processInstanceId: id})}`),
    get(`${history}/detail?${query({processInstanceId: id, variableUpdates: true, deserializeValues: false, sortBy: 'time', sortOrder: 'asc'})}`),
    get(`${history}/incident?${query({processInstanceId: id})}`),
    get(`${history}/user-operation?${query({processInstanceId: id, sortBy: 'timestamp', sortOrder: 'asc'})}`),
  ]);
  const completedBy = Object.fromEntries(tasks.map(t => [t.activityInstanceId, t]));
  node.innerHTML = `
    <p>${link({}, '← Audit')}</p>
    <h2 id="tandem-instance-title">${esc(instance.processDefinitionName || instance.processDefinitionKey)} ${esc(instance.businessKey || '')}</h2>
    <p id="tandem-instance-facts">Version ${esc(instance.processDefinitionVersion)} · ${esc(instance.state)} · started ${esc(moment(instance.startTime))}
      ${instance.startUserId ? 'by ' + esc(instance.startUserId) : ''} ${instance.endTime ? '· ended ' + esc(moment(instance.endTime)) : ''}</p>
    <h3>Path</h3>
    ${table('tandem-path', ['Step', 'Type', 'Started', 'Ended', 'Done by'],
      activities.map(a => [esc(a.activityName || a.activityId), esc(a.activityType), esc(moment(a.startTime)), esc(moment(a.endTime)),
        esc(a.activityType === 'userTask' ? (completedBy[a.id]?.assignee || a.assignee || '') : '')]), 'No step yet.')}
    <h3>Variables as they changed</h3>
    ${table('tandem-variables', ['Time', 'Variable', 'Value', 'Type', 'Revision'],
      details.map(d => [esc(moment(d.time)), esc(d.variableName), esc(d.variableType === 'Date' ? moment(d.value) : shown(d.value)),
        esc(d.variableType), esc(d.revision)]), 'No variables.')}
    <h3>Incidents</h3>
    ${table('tandem-incidents', ['Created', 'Step', 'Type', 'Message', 'Ended'],
      incidents.map(i => [esc(moment(i.createTime)), esc(i.activityId), esc(i.incidentType), esc(i.incidentMessage),
        esc(i.resolved ? 'resolved ' + moment(i.endTime) : i.deleted ? 'deleted ' + moment(i.endTime) : 'open')]), 'No incident.')}
    <h3>User operations</h3>
    ${table('tandem-operations', ['Time', 'User', 'Operation', 'On', 'Property', 'Old value', 'New value'],
      operations.map(o => [esc(moment(o.timestamp)), esc(o.userId), esc(o.operationType), esc(o.entityType), esc(o.property),
        esc(shown(o.orgValue)), esc(shown(o.newValue))]), 'No user operation.')}`;
}

function changesTable(id, changes) {
  return table(id, ['When', 'Who', 'Action', 'Property', 'Old value', 'New value', 'By process'],
    changes.map(c => [esc(c.at), esc(c.by), esc(c.action), esc(c.property), esc(c.oldValue), esc(c.newValue),
      c.processInstanceId ? link({instance: c.processInstanceId}, 'instance') : '']), 'No change recorded.');
}

function processesTable(id, runs) {
  return table(id, ['Process', 'Business key', 'Started', 'Ended', 'Steps done by people'],
    runs.map(r => [link({instance: r.processInstanceId}, r.process), esc(r.businessKey), esc(r.startedAt), esc(r.endedAt),
      r.userSteps.map(s => `${esc(s.name)}: <strong>${esc(s.doneBy || '?')}</strong> ${esc(s.doneAt)}`).join('<br>')]),
    'No process instance changed it.');
}

async function invoiceView(api, node, billing, number) {
  const invoice = await get(`${billing}/invoice?${query({number})}`);
  node.innerHTML = `
    <p>${link({}, '← Audit')}</p>
    <h2 id="tandem-invoice-title">${esc(invoice.kind === 'CREDIT_NOTE' ? 'Credit note' : 'Invoice')} ${esc(invoice.number)}</h2>
    <p>${esc(invoice.customer)} · orders ${esc(invoice.orders)} · ${esc(invoice.state)} · dated ${esc(invoice.invoiceDate)}
      · untaxed ${esc(invoice.untaxed)} · total ${esc(invoice.total)}</p>
    ${invoice.reverses ? `<p id="tandem-reverses">Reverses invoice ${link({invoice: invoice.reverses}, invoice.reverses)}.</p>` : ''}
    ${invoice.kind === 'CREDIT_NOTE' ? '' : `<h3>Credit notes against it</h3>
    ${table('tandem-credit-notes', ['Credit note', 'State', 'Time given back'],
      invoice.creditNotes.map(c => [c.number ? link({invoice: c.number}, c.number) : esc('draft ' + c.invoiceId), esc(c.state),
        esc(c.minutes ? hours(c.minutes) + ' h' : 'none')]), 'No credit note.')}`}
    <p><a id="tandem-invoice-page" href="/tandem/invoices/${encodeURIComponent(invoice.id)}">Its page in Tandem</a>: lines, taxes, PDF and mail.</p>
    <p id="tandem-hours">Time billed: <strong>${esc(invoice.hoursBilled)}</strong> from ${invoice.entries.length} timesheet entries.</p>
    <h3>Lines</h3>
    ${table('tandem-lines', ['Description', 'Kind', 'Quantity', 'Unit price', 'Subtotal'],
      invoice.lines.map(l => [esc(l.description), esc(l.kind), esc(l.quantity), esc(l.unitPrice), esc(l.subtotal)]), 'No line.')}
    <h3>Timesheet entries billed</h3>
    ${table('tandem-entries', ['Date', 'Employee', 'Actual', 'Billed', 'On this document', 'Work', 'Worked on', 'Recorded by', 'Rounding and surcharge'],
      invoice.entries.map(e => [esc(e.workDate), esc(e.employee), esc(e.actualMinutes + ' min'), esc(e.billedMinutes + ' min'),
        link({entry: e.id}, hours(e.minutes) + ' h'), esc(e.description), esc(e.workedOn), esc(`${e.recordedBy || '?'} ${e.recordedAt || ''}`),
        [e.roundingRule, e.surchargeRule].filter(Boolean).map(esc).join('<br>')]), 'This document bills no time.')}
    <h3>Created and posted by</h3>
    ${processesTable('tandem-processes', invoice.processes)}
    <h3>Changes</h3>
    ${changesTable('tandem-changes', invoice.changes)}`;
}

async function entryView(api, node, billing, id) {
  const lineage = await get(`${billing}/entry?${query({id})}`);
  const e = lineage.entry;
  node.innerHTML = `
    <p>${link({}, '← Audit')}</p>
    <h2 id="tandem-entry-title">Timesheet entry ${esc(e.id)}</h2>
    <p>${esc(e.workDate)} · ${esc(e.employee)} · ${esc(e.actualMinutes)} min actual, ${esc(e.billedMinutes)} min billed ·
      ${esc(e.description)} · ${esc(e.workedOn)}</p>
    <h3>Held by</h3>
    ${table('tandem-holders', ['Document', 'Kind', 'State', 'Minutes'],
      lineage.heldBy.map(h => [h.number ? link({invoice: h.number}, h.number) : esc('draft ' + h.invoiceId), esc(h.kind), esc(h.state), esc(h.minutes)]),
      'Not invoiced.')}
    <h3>Changes</h3>
    ${changesTable('tandem-changes', lineage.changes)}
    <h3>Processes that changed it</h3>
    ${processesTable('tandem-processes', lineage.processes)}`;
}

/** A record named as people know it (an invoice by its number); a timesheet entry links to its lineage. */
function record(row) {
  return row.entity === 'TimesheetEntry' ? link({entry: row.entityId}, row.record) : esc(row.record);
}

async function changesView(node, billing, params) {
  const filters = {entity: params.get('entity'), by: params.get('by'), from: params.get('from'), to: params.get('to')};
  const rows = await get(`${billing}/changes?${query(filters)}`);
  const said = Object.entries(filters).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ');
  node.innerHTML = `
    <p>${link({}, '← Audit')}</p>
    <h2 id="tandem-trail-title">Changes to billing data${said ? ': ' + esc(said) : ''}</h2>
    <p>Newest first, at most 500. Who: the person in Tasklist or on a page, or <em>system</em> for background jobs.</p>
    ${table('tandem-trail-rows', ['When', 'Who', 'Record', 'Action', 'Property', 'Old value', 'New value', 'By process'],
      rows.map(c => [esc(c.at), esc(c.by), record(c), esc(c.action), esc(c.property), esc(c.oldValue),
        esc(c.newValue), c.processInstanceId ? link({instance: c.processInstanceId}, 'instance') : '']), 'No change matches.')}`;
}

async function show(node, api) {
  await render(node, api);
  node.insertAdjacentHTML('beforeend',
    `<p class="tandem-zone" id="tandem-zone">Times and dates in ${esc(zone)}, the company's time zone.</p>`);
}

async function render(node, api) {
  const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const billing = `${api.cockpitApi}/plugin/tandem-audit/${api.engine}/billing`;
  node.innerHTML = '<p>Loading…</p>';
  try {
    zone = (await get(`${billing}/time-zone`)).timeZone;
    if (params.get('instance')) {
      await instanceView(api, node, params.get('instance'));
    } else if (params.get('invoice')) {
      await invoiceView(api, node, billing, params.get('invoice'));
    } else if (params.get('entry')) {
      await entryView(api, node, billing, params.get('entry'));
    } else if (params.get('changes')) {
      await changesView(node, billing, params);
    } else {
      await searchView(api, node, params);
    }
  } catch (failure) {
    node.innerHTML = `<p>${link({}, '← Audit')}</p><p class="alert alert-danger" id="tandem-error">${esc(failure.message)}</p>`;
  }
}

export default [
  {
    id: 'tandemAuditNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: '/audit'},
    render(node) {
      node.innerHTML = `<a href="${PAGE}">Audit</a>`;
    },
  },
  {
    id: 'tandemAuditPage',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: '/audit', label: 'Audit'},
    render(node, {api}) {
      show(node, api);
    },
  },
  {
    id: 'tandemAuditInstanceTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: {label: 'Audit'},
    render(node, {processInstanceId}) {
      node.innerHTML = `<p>The full history of this instance, also once it has ended: ${link({instance: processInstanceId}, 'open in Audit')}.</p>`;
    },
  },
];
