package io.plantd.sim.bacnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.CovSubscriptions;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.CovNotification;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.transport.BacnetErrorException;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SubscribeCOV with lifetime renewal against the simulated device on loopback UDP. */
class CovSubscriptionLoopbackTest {
    private static final RequestOptions FAST = new RequestOptions(Duration.ofMillis(200), 1);
    private static final ObjectIdentifier AI2 = new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 2);

    private SimulatedBacnetDevice sim;
    private BacnetClient client;
    private CovSubscriptions cov;
    private PeerAddress peer;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedBacnetDevice.start(SimChillers.chillerTable(1476), 0);
        client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        cov = new CovSubscriptions(client, FAST);
        peer = PeerAddress.local(sim.address());
    }

    @AfterEach
    void stop() {
        cov.close();
        client.close();
        sim.close();
    }

    @Test
    void notifiesChangesAndRenewsBeforeTheLifetimeRunsOut() throws Exception {
        List<CovNotification> received = new CopyOnWriteArrayList<>();
        CovSubscriptions.Subscription s = cov.subscribe(peer, AI2, 1, received::add);
        assertThat(sim.activeCovSubscriptions()).isEqualTo(1);

        sim.table().setPoint("motor_power", 900.0);
        await().atMost(Duration.ofSeconds(2)).until(() -> !received.isEmpty());
        CovNotification n = received.get(0);
        assertThat(n.subscriberProcessId()).isEqualTo(s.processId());
        assertThat(n.initiatingDevice().instance()).isEqualTo(SimChillers.DEVICE_INSTANCE);
        assertThat(n.valueOf(PropertyIds.PRESENT_VALUE)).contains(List.of(new BacnetValue.RealValue(900f)));

        // Lifetime 1 s: renewed every 0.5 s, so notifications still flow after 2.5 lifetimes.
        await().atMost(Duration.ofSeconds(3)).until(() -> s.renewals() >= 4);
        assertThat(sim.activeCovSubscriptions()).isEqualTo(1);
        int before = received.size();
        sim.table().setPoint("motor_power", 950.0);
        await().atMost(Duration.ofSeconds(2)).until(() -> received.size() > before);
        assertThat(received.get(received.size() - 1).valueOf(PropertyIds.PRESENT_VALUE))
                .contains(List.of(new BacnetValue.RealValue(950f)));

        s.cancel();
        assertThat(sim.activeCovSubscriptions()).isZero();
        int afterCancel = received.size();
        sim.table().setPoint("motor_power", 1000.0);
        Thread.sleep(200);
        assertThat(received).hasSize(afterCancel);
    }

    @Test
    void aSubscriptionLapsesWhenNotRenewed() throws Exception {
        client.subscribeCov(peer, io.plantd.drivers.bacnet.codec.SubscribeCov.unconfirmed(99, AI2, 1), FAST);
        assertThat(sim.activeCovSubscriptions()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> sim.activeCovSubscriptions() == 0);
    }

    @Test
    void subscribingToAMissingObjectFailsNow() {
        assertThatThrownBy(() -> cov.subscribe(peer, new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 77), 60, n -> { }))
                .isInstanceOf(BacnetErrorException.class).hasMessage("bacnet error object/unknown-object");
    }
}
