'use strict';

/*
 * Live storefront: a grid of SKUs whose badges follow the SSE event stream.
 * Rows are kept per (sku, location) with their row version, so an event older than the
 * loaded balance (it can arrive while the page loads) is ignored.
 */
const LOW_STOCK = 5;
const GRID_SIZE = 60;

const rows = new Map();          // sku -> Map(location -> {available, version})
const cards = new Map();         // sku -> card element
let pending = [];                // events that arrived before the balances were loaded
let loaded = false;

/**
 * The one call that buys a unit. Until the reservation API is merged it records a sale as a
 * stock adjustment; switch this function to hold-and-commit:
 *   POST /api/v1/reservations {channel: "default", lines: [{sku, quantity: 1}]}
 *   POST /api/v1/reservations/{id}/commit {orderId}
 */
// A purchase as a checkout makes it: hold one unit for a cart, then commit the hold into an
// order. Each call carries its own Idempotency-Key, so a retried click cannot buy twice.
async function purchase(sku, location) {
  const held = await post('/api/v1/reservations', {
    channel: 'default', reference: 'demo storefront', ttlSeconds: 60,
    lines: [{sku, quantity: 1, location}],
  });
  if (!held.ok) {
    return held;
  }
  const reservation = await held.json();
  return post(`/api/v1/reservations/${encodeURIComponent(reservation.id)}/commit`,
      {orderId: `demo-${crypto.randomUUID()}`});
}

function post(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
    body: JSON.stringify(body),
  });
}

function selectedLocation() {
  return document.getElementById('channel').value;
}

function availableOf(sku) {
  const where = selectedLocation();
  let total = 0;
  for (const [location, row] of rows.get(sku) || []) {
    if (!where || where === location) {
      total += Math.max(0, row.available);
    }
  }
  return total;
}

function statusOf(available) {
  if (available <= 0) {
    return {status: 'OUT_OF_STOCK', text: 'Out of stock'};
  }
  if (available <= LOW_STOCK) {
    return {status: 'LOW_STOCK', text: `Only ${available} left`};
  }
  return {status: 'IN_STOCK', text: 'In stock'};
}

function render(sku) {
  const card = cards.get(sku);
  if (!card) {
    return;
  }
  const available = availableOf(sku);
  const {status, text} = statusOf(available);
  const badge = card.querySelector('.badge');
  badge.dataset.status = status;
  badge.textContent = text;
  card.querySelector('.available').textContent = `${available} available`;
  card.querySelector('button').disabled = available <= 0;
}

function flash(sku) {
  const card = cards.get(sku);
  if (card) {
    card.classList.add('flash');
    setTimeout(() => card.classList.remove('flash'), 600);
  }
}

function remember(sku, location, available, version) {
  if (!rows.has(sku)) {
    rows.set(sku, new Map());
  }
  const known = rows.get(sku).get(location);
  if (known && known.version >= version) {
    return false;
  }
  rows.get(sku).set(location, {available, version});
  return true;
}

function card(sku) {
  const element = document.createElement('article');
  element.className = 'card';
  element.id = `card-${sku}`;
  element.dataset.sku = sku;
  element.innerHTML = '<span class="sku"></span><span class="badge"></span>'
      + '<span class="available"></span><button type="button">Buy</button>';
  element.querySelector('.sku').textContent = sku;
  element.querySelector('button').addEventListener('click', () => buy(sku));
  return element;
}

async function buy(sku) {
  const where = selectedLocation();
  const candidates = [...(rows.get(sku) || new Map())]
      .filter(([location, row]) => (!where || where === location) && row.available > 0)
      .sort((a, b) => b[1].available - a[1].available);
  if (candidates.length === 0) {
    return say(`${sku} is out of stock`);
  }
  const response = await purchase(sku, candidates[0][0]);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    return say(problem.detail || `purchase of ${sku} failed (${response.status})`);
  }
  say('');
}

function say(text) {
  document.getElementById('message').textContent = text;
}

function apply(event) {
  const data = event.data || {};
  if (!data.sku || !data.location || typeof data.available !== 'number') {
    return;
  }
  if (remember(data.sku, data.location, data.available, data.version)) {
    render(data.sku);
    flash(data.sku);
  }
}

async function loadLocations() {
  const response = await fetch('/api/v1/locations');
  const select = document.getElementById('channel');
  for (const location of await response.json()) {
    const option = document.createElement('option');
    option.value = location.key;
    option.textContent = location.name;
    select.appendChild(option);
  }
  select.addEventListener('change', () => cards.forEach((_, sku) => render(sku)));
}

async function loadLevels() {
  const wanted = new URLSearchParams(location.search).get('skus');
  if (wanted) {
    const skus = wanted.split(',').map(s => s.trim()).filter(Boolean);
    const answers = await Promise.all(skus.map(sku =>
        fetch(`/api/v1/stock/${encodeURIComponent(sku)}`)
            .then(r => r.ok ? r.json() : {locations: []})));
    return {skus, levels: answers.flatMap(answer => answer.locations || [])};
  }
  const response = await fetch('/api/v1/stock?limit=1000');
  const levels = (await response.json()).items;
  const skus = [...new Set(levels.map(level => level.sku))].slice(0, GRID_SIZE);
  return {skus, levels};
}

async function loadGrid() {
  const {skus, levels} = await loadLevels();
  levels.forEach(level =>
      remember(level.sku, level.location, level.available, level.version));
  const grid = document.getElementById('grid');
  for (const sku of skus) {
    const element = card(sku);
    cards.set(sku, element);
    grid.appendChild(element);
    render(sku);
  }
  loaded = true;
  pending.forEach(apply);
  pending = [];
  document.body.dataset.ready = 'true';
}

/*
 * The stream is opened first and the balances are read once it is open: every change after
 * that moment arrives as an event, so none can fall between the two.
 */
function follow(onFirstOpen) {
  const status = document.getElementById('connection');
  const stream = new EventSource('/api/v1/events/stream');
  let opened = false;
  stream.onopen = () => {
    status.dataset.state = 'live';
    status.textContent = 'live';
    if (!opened) {
      opened = true;
      onFirstOpen();
    }
  };
  stream.onerror = () => {
    status.dataset.state = 'connecting';
    status.textContent = 'reconnecting…';
  };
  stream.onmessage = message => {
    const event = JSON.parse(message.data);
    if (loaded) {
      apply(event);
    } else {
      pending.push(event);
    }
  };
}

follow(() => loadLocations().then(loadGrid)
    .catch(error => say(`could not load stock: ${error}`)));
