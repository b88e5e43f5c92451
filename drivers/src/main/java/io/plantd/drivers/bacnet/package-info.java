/**
 * plantd's own BACnet/IP client (ASHRAE 135), since no Apache-licensed Java stack exists.
 *
 * <ul>
 *   <li>{@code codec}: pure encoding and decoding, no I/O. Clause-20 tags
 *       ({@link io.plantd.drivers.bacnet.codec.TagWriter}, {@link io.plantd.drivers.bacnet.codec.TagReader},
 *       {@link io.plantd.drivers.bacnet.codec.BacnetValue}), BVLC for BACnet/IP (Annex J), NPDU with
 *       DNET/DADR and SNET/SADR (clause 6), APDUs (clause 20.1) and the services plantd uses: Who-Is/I-Am,
 *       ReadProperty, ReadPropertyMultiple, WriteProperty, SubscribeCOV and COV notifications. Name
 *       tables for object types, properties, error/reject/abort reasons.</li>
 *   <li>{@code transport}: one UDP socket, a receive thread matching replies to invoke IDs (never two
 *       outstanding with the same ID), retransmission and timeouts. plantd never accepts segmented
 *       replies and aborts one with segmentation-not-supported.</li>
 *   <li>{@code client}: blocking services ({@link io.plantd.drivers.bacnet.client.BacnetClient}), a
 *       configured device with points, quality, circuit breaker and verified priority writes
 *       ({@link io.plantd.drivers.bacnet.client.BacnetDevice}), the {@code PointWriter}, COV subscriptions.</li>
 * </ul>
 *
 * <p>Point values are passed through unchanged: binary Present_Value reads 0/1, a multi-state one
 * its 1-based state number. Commands go to commandable objects at priority 10 (operators use 8);
 * a higher priority holding a command is reported as deferred, never retried.
 */
package io.plantd.drivers.bacnet;
