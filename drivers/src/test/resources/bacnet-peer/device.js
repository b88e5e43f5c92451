'use strict';
// An independent BACnet/IP device for plantd's interoperability test. All encoding and decoding
// is done by @bacnet-js/client (MIT, pinned in drivers/src/test/bacnet-peer/package-lock.json);
// this script only holds a few objects and answers Who-Is, ReadProperty, ReadPropertyMultiple
// and WriteProperty (commandable analog-value with a 16-slot priority array).
//
// Usage: node device.js <udpPort> <deviceInstance>   (binds 127.0.0.1 only)
// Prints "READY <port>" once listening; exits when stdin closes or after 120 s.

const bacnetModule = require('@bacnet-js/client');
const Bacnet = bacnetModule.default;
const { ApplicationTag, ErrorClass, ErrorCode } = bacnetModule;

const port = parseInt(process.argv[2], 10);
const deviceInstance = parseInt(process.argv[3], 10);

const T = ApplicationTag;
const DEVICE = 8;
const AI = 0;
const AV = 2;
const BI = 3;
const PV = 85;
const PRIORITY_ARRAY = 87;
const RELINQUISH_DEFAULT = 104;

const key = (type, instance) => `${type}:${instance}`;

// object -> property -> value list ({ type, value })
const objects = new Map();
function addObject(type, instance, name, props) {
  const p = new Map();
  p.set(75, [{ type: T.OBJECTIDENTIFIER, value: { type, instance } }]); // object-identifier
  p.set(77, [{ type: T.CHARACTER_STRING, value: name }]); // object-name
  p.set(79, [{ type: T.ENUMERATED, value: type }]); // object-type
  for (const [id, v] of Object.entries(props)) p.set(Number(id), v);
  objects.set(key(type, instance), p);
}

addObject(DEVICE, deviceInstance, 'bacnet-js peer', {
  62: [{ type: T.UNSIGNED_INTEGER, value: 1476 }], // max-apdu-length-accepted
  107: [{ type: T.ENUMERATED, value: 3 }], // segmentation-supported: no-segmentation
  120: [{ type: T.UNSIGNED_INTEGER, value: 260 }], // vendor-identifier
  121: [{ type: T.CHARACTER_STRING, value: 'bacnet-js interop peer' }], // vendor-name
});
addObject(AI, 2, 'motor_power', { [PV]: [{ type: T.REAL, value: 812.5 }], 117: [{ type: T.ENUMERATED, value: 48 }] });
addObject(BI, 2, 'engine_running', { [PV]: [{ type: T.ENUMERATED, value: 1 }] });
addObject(AV, 1, 'drive_mode_cmd', {});

// Commandable AV 1: priority array + relinquish default (0 = LOCAL).
const priorityArray = new Array(16).fill(null);
let relinquishDefault = 0;
function commandableValue() {
  const slot = priorityArray.find((v) => v !== null);
  return slot === undefined ? relinquishDefault : slot;
}

const ALL = 0xffffffff;
function read(objectId, propertyId, index) {
  const obj = objects.get(key(objectId.type, objectId.instance));
  if (!obj) return { error: [ErrorClass.OBJECT, ErrorCode.UNKNOWN_OBJECT] };
  if (objectId.type === AV && objectId.instance === 1) {
    if (propertyId === PV) return { values: [{ type: T.REAL, value: commandableValue() }] };
    if (propertyId === RELINQUISH_DEFAULT) return { values: [{ type: T.REAL, value: relinquishDefault }] };
    if (propertyId === PRIORITY_ARRAY) {
      const slots = priorityArray.map((v) => (v === null ? { type: T.NULL, value: null } : { type: T.REAL, value: v }));
      if (index === ALL || index === undefined) return { values: slots };
      if (index === 0) return { values: [{ type: T.UNSIGNED_INTEGER, value: 16 }] };
      if (index > 16) return { error: [ErrorClass.PROPERTY, ErrorCode.INVALID_ARRAY_INDEX] };
      return { values: [slots[index - 1]] };
    }
  }
  const v = obj.get(propertyId);
  if (!v) return { error: [ErrorClass.PROPERTY, ErrorCode.UNKNOWN_PROPERTY] };
  return { values: v };
}

const client = new Bacnet({ port, interface: '127.0.0.1', broadcastAddress: '127.255.255.255', apduTimeout: 3000 });

client.on('whoIs', (msg) => {
  const { lowLimit, highLimit } = msg.payload || {};
  if (lowLimit !== undefined && (deviceInstance < lowLimit || deviceInstance > highLimit)) return;
  client.iAmResponse(msg.header.sender, deviceInstance, 3, 260);
});

client.on('readProperty', (msg) => {
  const { objectId, property } = msg.payload;
  const r = read(objectId, property.id, property.index);
  if (r.error) {
    client.errorResponse(msg.header.sender, msg.service, msg.invokeId, r.error[0], r.error[1]);
  } else {
    client.readPropertyResponse(msg.header.sender, msg.invokeId, objectId, property, r.values);
  }
});

client.on('readPropertyMultiple', (msg) => {
  const results = msg.payload.properties.map((spec) => ({
    objectId: spec.objectId,
    values: spec.properties.map((property) => {
      const r = read(spec.objectId, property.id, property.index);
      const value = r.error
        ? [{ type: T.ERROR, value: { type: 'BacnetError', errorClass: r.error[0], errorCode: r.error[1] } }]
        : r.values;
      return { property, value };
    }),
  }));
  client.readPropertyMultipleResponse(msg.header.sender, msg.invokeId, results);
});

client.on('writeProperty', (msg) => {
  const { objectId, value } = msg.payload;
  const deny = (cls, code) => client.errorResponse(msg.header.sender, msg.service, msg.invokeId, cls, code);
  if (!objects.has(key(objectId.type, objectId.instance))) return deny(ErrorClass.OBJECT, ErrorCode.UNKNOWN_OBJECT);
  if (!(objectId.type === AV && objectId.instance === 1 && value.property.id === PV)) {
    return deny(ErrorClass.PROPERTY, ErrorCode.WRITE_ACCESS_DENIED);
  }
  const v = value.value[0];
  const slot = (value.priority || 16) - 1;
  if (v.type === T.NULL) {
    priorityArray[slot] = null;
  } else if (v.type === T.REAL) {
    priorityArray[slot] = v.value;
  } else {
    return deny(ErrorClass.PROPERTY, ErrorCode.INVALID_DATA_TYPE);
  }
  client.simpleAckResponse(msg.header.sender, msg.service, msg.invokeId);
});

client.on('error', (err) => {
  console.error('peer error', err && err.message);
});

client.on('listening', () => {
  process.stdout.write(`READY ${port}\n`);
});

// Listening is signalled by the transport once bound.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 120000).unref();
