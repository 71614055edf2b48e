// The values Customer.io's Liquid works with: numbers and strings as its filters take them, base64, dates,
// money by locale, time zones by Rails or IANA name, and the seeded random numbers of stable previews.
// Loaded before cio-liquid.js, which takes these from window.cioValues. Nothing here touches the DOM or
// the network.
(function (root) {
  'use strict';

  // ---- values and helpers -------------------------------------------------------------------------

  function isNumeric(v) {
    return (typeof v === 'number' && isFinite(v)) || (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v));
  }
  function toNumber(v, what) {
    if (isNumeric(v)) return Number(v);
    throw new Error(what + ' expects a number, got ' + JSON.stringify(v));
  }
  function toStr(v) {
    return v === undefined || v === null ? '' : String(v);
  }
  function utf8Bytes(s) {
    return new TextEncoder().encode(toStr(s));
  }
  function bytesToBase64(bytes) {
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }
  function base64ToString(b64) {
    const bin = atob(toStr(b64).replace(/\s+/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  }
  function shiftDate(value, unit, amount) {
    const d = new Date(toNumber(value, unit) * 1000);
    const n = Math.trunc(toNumber(amount, unit));
    if (unit === 'day') d.setUTCDate(d.getUTCDate() + n);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
    else d.setUTCFullYear(d.getUTCFullYear() + n);
    return Math.floor(d.getTime() / 1000);
  }

  // The currency a locale pays in when the template names none (Customer.io defaults to en-US/USD).
  const CURRENCY_BY_REGION = {
    US: 'USD', GB: 'GBP', IE: 'EUR', DE: 'EUR', AT: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR',
    BE: 'EUR', PT: 'EUR', FI: 'EUR', GR: 'EUR', CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY',
    IN: 'INR', BR: 'BRL', MX: 'MXN', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK',
    KR: 'KRW', RU: 'RUB', TR: 'TRY', ZA: 'ZAR', SG: 'SGD', HK: 'HKD'
  };
  const CURRENCY_BY_LANGUAGE = {
    en: 'USD', de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', nl: 'EUR', pt: 'EUR', fi: 'EUR', el: 'EUR',
    ja: 'JPY', zh: 'CNY', ko: 'KRW', sv: 'SEK', nb: 'NOK', da: 'DKK', pl: 'PLN', cs: 'CZK', ru: 'RUB', tr: 'TRY'
  };
  function currencyFor(locale) {
    const parts = toStr(locale).split(/[-_]/);
    if (parts.length > 1 && CURRENCY_BY_REGION[parts[1].toUpperCase()]) return CURRENCY_BY_REGION[parts[1].toUpperCase()];
    return CURRENCY_BY_LANGUAGE[parts[0].toLowerCase()] || 'USD';
  }
  function plainSpace(s) {
    return s.replace(/[\u202f\u00a0]/g, ' ');
  }
  function money(value, locale, code, digits) {
    const loc = locale ? toStr(locale) : 'en-US';
    return plainSpace(new Intl.NumberFormat(loc, {
      style: 'currency', currency: code ? toStr(code).toUpperCase() : currencyFor(loc),
      minimumFractionDigits: digits, maximumFractionDigits: digits
    }).format(toNumber(value, 'currency')));
  }

  // Rails (ActiveSupport) zone names, as Customer.io's time-zone pickers and older profiles store them,
  // to the IANA zones they stand for. "(GMT-10:00) Hawaii" is the same name with its offset in front.
  const RAILS_ZONES = {
    'International Date Line West': 'Etc/GMT+12', 'Midway Island': 'Pacific/Midway', 'American Samoa': 'Pacific/Pago_Pago',
    'Hawaii': 'Pacific/Honolulu', 'Alaska': 'America/Juneau', 'Pacific Time (US & Canada)': 'America/Los_Angeles',
    'Tijuana': 'America/Tijuana', 'Mountain Time (US & Canada)': 'America/Denver', 'Arizona': 'America/Phoenix',
    'Chihuahua': 'America/Chihuahua', 'Mazatlan': 'America/Mazatlan', 'Central Time (US & Canada)': 'America/Chicago',
    'Saskatchewan': 'America/Regina', 'Guadalajara': 'America/Mexico_City', 'Mexico City': 'America/Mexico_City',
    'Monterrey': 'America/Monterrey', 'Central America': 'America/Guatemala', 'Eastern Time (US & Canada)': 'America/New_York',
    'Indiana (East)': 'America/Indiana/Indianapolis', 'Bogota': 'America/Bogota', 'Lima': 'America/Lima', 'Quito': 'America/Lima',
    'Atlantic Time (Canada)': 'America/Halifax', 'Caracas': 'America/Caracas', 'La Paz': 'America/La_Paz',
    'Santiago': 'America/Santiago', 'Newfoundland': 'America/St_Johns', 'Brasilia': 'America/Sao_Paulo',
    'Buenos Aires': 'America/Argentina/Buenos_Aires', 'Montevideo': 'America/Montevideo', 'Georgetown': 'America/Guyana',
    'Puerto Rico': 'America/Puerto_Rico', 'Greenland': 'America/Godthab', 'Mid-Atlantic': 'Atlantic/South_Georgia',
    'Azores': 'Atlantic/Azores', 'Cape Verde Is.': 'Atlantic/Cape_Verde', 'Dublin': 'Europe/Dublin', 'Edinburgh': 'Europe/London',
    'Lisbon': 'Europe/Lisbon', 'London': 'Europe/London', 'Casablanca': 'Africa/Casablanca', 'Monrovia': 'Africa/Monrovia',
    'UTC': 'Etc/UTC', 'Belgrade': 'Europe/Belgrade', 'Bratislava': 'Europe/Bratislava', 'Budapest': 'Europe/Budapest',
    'Ljubljana': 'Europe/Ljubljana', 'Prague': 'Europe/Prague', 'Sarajevo': 'Europe/Sarajevo', 'Skopje': 'Europe/Skopje',
    'Warsaw': 'Europe/Warsaw', 'Zagreb': 'Europe/Zagreb', 'Brussels': 'Europe/Brussels', 'Copenhagen': 'Europe/Copenhagen',
    'Madrid': 'Europe/Madrid', 'Paris': 'Europe/Paris', 'Amsterdam': 'Europe/Amsterdam', 'Berlin': 'Europe/Berlin',
    'Bern': 'Europe/Zurich', 'Zurich': 'Europe/Zurich', 'Rome': 'Europe/Rome', 'Stockholm': 'Europe/Stockholm',
    'Vienna': 'Europe/Vienna', 'West Central Africa': 'Africa/Algiers', 'Bucharest': 'Europe/Bucharest', 'Cairo': 'Africa/Cairo',
    'Helsinki': 'Europe/Helsinki', 'Kyiv': 'Europe/Kiev', 'Kyev': 'Europe/Kiev', 'Riga': 'Europe/Riga', 'Sofia': 'Europe/Sofia',
    'Tallinn': 'Europe/Tallinn', 'Vilnius': 'Europe/Vilnius', 'Athens': 'Europe/Athens', 'Istanbul': 'Europe/Istanbul',
    'Minsk': 'Europe/Minsk', 'Jerusalem': 'Asia/Jerusalem', 'Harare': 'Africa/Harare', 'Pretoria': 'Africa/Johannesburg',
    'Kaliningrad': 'Europe/Kaliningrad', 'Moscow': 'Europe/Moscow', 'St. Petersburg': 'Europe/Moscow',
    'Volgograd': 'Europe/Volgograd', 'Samara': 'Europe/Samara', 'Kuwait': 'Asia/Kuwait', 'Riyadh': 'Asia/Riyadh',
    'Nairobi': 'Africa/Nairobi', 'Baghdad': 'Asia/Baghdad', 'Tehran': 'Asia/Tehran', 'Abu Dhabi': 'Asia/Muscat',
    'Muscat': 'Asia/Muscat', 'Baku': 'Asia/Baku', 'Tbilisi': 'Asia/Tbilisi', 'Yerevan': 'Asia/Yerevan', 'Kabul': 'Asia/Kabul',
    'Ekaterinburg': 'Asia/Yekaterinburg', 'Islamabad': 'Asia/Karachi', 'Karachi': 'Asia/Karachi', 'Tashkent': 'Asia/Tashkent',
    'Chennai': 'Asia/Kolkata', 'Kolkata': 'Asia/Kolkata', 'Mumbai': 'Asia/Kolkata', 'New Delhi': 'Asia/Kolkata',
    'Kathmandu': 'Asia/Kathmandu', 'Astana': 'Asia/Dhaka', 'Dhaka': 'Asia/Dhaka', 'Sri Jayawardenepura': 'Asia/Colombo',
    'Almaty': 'Asia/Almaty', 'Novosibirsk': 'Asia/Novosibirsk', 'Rangoon': 'Asia/Rangoon', 'Bangkok': 'Asia/Bangkok',
    'Hanoi': 'Asia/Bangkok', 'Jakarta': 'Asia/Jakarta', 'Krasnoyarsk': 'Asia/Krasnoyarsk', 'Beijing': 'Asia/Shanghai',
    'Chongqing': 'Asia/Chongqing', 'Hong Kong': 'Asia/Hong_Kong', 'Urumqi': 'Asia/Urumqi', 'Kuala Lumpur': 'Asia/Kuala_Lumpur',
    'Singapore': 'Asia/Singapore', 'Taipei': 'Asia/Taipei', 'Perth': 'Australia/Perth', 'Irkutsk': 'Asia/Irkutsk',
    'Ulaanbaatar': 'Asia/Ulaanbaatar', 'Ulaan Bataar': 'Asia/Ulaanbaatar', 'Seoul': 'Asia/Seoul', 'Osaka': 'Asia/Tokyo',
    'Sapporo': 'Asia/Tokyo', 'Tokyo': 'Asia/Tokyo', 'Yakutsk': 'Asia/Yakutsk', 'Darwin': 'Australia/Darwin',
    'Adelaide': 'Australia/Adelaide', 'Canberra': 'Australia/Melbourne', 'Melbourne': 'Australia/Melbourne',
    'Sydney': 'Australia/Sydney', 'Brisbane': 'Australia/Brisbane', 'Hobart': 'Australia/Hobart',
    'Vladivostok': 'Asia/Vladivostok', 'Guam': 'Pacific/Guam', 'Port Moresby': 'Pacific/Port_Moresby',
    'Magadan': 'Asia/Magadan', 'Srednekolymsk': 'Asia/Srednekolymsk', 'Solomon Is.': 'Pacific/Guadalcanal',
    'New Caledonia': 'Pacific/Noumea', 'Fiji': 'Pacific/Fiji', 'Kamchatka': 'Asia/Kamchatka', 'Marshall Is.': 'Pacific/Majuro',
    'Auckland': 'Pacific/Auckland', 'Wellington': 'Pacific/Auckland', "Nuku'alofa": 'Pacific/Tongatapu',
    'Tokelau Is.': 'Pacific/Fakaofo', 'Chatham Is.': 'Pacific/Chatham', 'Samoa': 'Pacific/Apia'
  };
  const RAILS_ZONES_LOWER = {};
  for (const name of Object.keys(RAILS_ZONES)) RAILS_ZONES_LOWER[name.toLowerCase()] = RAILS_ZONES[name];

  function isIanaZone(name) {
    try { new Intl.DateTimeFormat('en-US', { timeZone: name }); return true; } catch (e) { return false; }
  }
  // The IANA zone a zone name stands for: an IANA name itself, a Rails name, or a Rails name with its
  // "(GMT±hh:mm) " prefix. Throws, in the user's terms, for a name that is neither.
  function resolveZone(name) {
    const given = toStr(name).trim();
    if (isIanaZone(given)) return given;
    const bare = given.replace(/^\((?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?\)\s*/i, '');
    const iana = RAILS_ZONES[bare] || RAILS_ZONES_LOWER[bare.toLowerCase()];
    if (iana) return iana;
    if (bare !== given && isIanaZone(bare)) return bare;
    throw new Error('Unknown time zone "' + given + '": use a name such as America/New_York or "Eastern Time (US & Canada)"');
  }

  // Minutes east of UTC of an IANA zone at a moment.
  function zoneOffsetMinutes(zone, when) {
    const parts = {};
    for (const p of new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric'
    }).formatToParts(when)) parts[p.type] = Number(p.value);
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((local - Math.floor(when.getTime() / 1000) * 1000) / 60000);
  }

  // A deterministic generator, reset for every render, so previews and tests are stable.
  function seededRandom(state) {
    state.seed = (Math.imul(state.seed, 1103515245) + 12345) >>> 0;
    return state.seed / 4294967296;
  }

  root.cioValues = {
    isNumeric,
    toNumber,
    toStr,
    utf8Bytes,
    bytesToBase64,
    base64ToString,
    shiftDate,
    currencyFor,
    plainSpace,
    money,
    resolveZone,
    zoneOffsetMinutes,
    seededRandom,
  };
})(typeof window !== 'undefined' ? window : globalThis);
