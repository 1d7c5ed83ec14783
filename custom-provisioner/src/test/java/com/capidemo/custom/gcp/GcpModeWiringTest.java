package com.capidemo.custom.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.design.DemoDesigner;
import com.capidemo.gcp.BigQueryWarehouse;
import com.capidemo.gcp.CapiChatAgent;
import com.capidemo.gcp.CapiDataAgents;
import com.capidemo.gcp.CloudTasksQueue;
import com.capidemo.gcp.FirestoreConversationStore;
import com.capidemo.gcp.FirestoreDemoStore;
import com.capidemo.gcp.FirestoreJobStore;
import com.capidemo.gcp.FirestoreStepStore;
import com.capidemo.gcp.FirestoreTenantStore;
import com.capidemo.gcp.GcsObjectStore;
import com.capidemo.gcp.Guarded;
import com.capidemo.gcp.KmsCrypto;
import com.capidemo.gcp.PubSubEventPublisher;
import com.capidemo.gcp.PubSubJobQueue;
import com.capidemo.gemini.GeminiDemoDesigner;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * platform.mode=gcp with no per-port override: the service starts, and every port is served by its Google adapter
 * (the guarded ones behind the fault-tolerance proxy). Nothing is called: clients connect lazily, the emulator hosts
 * keep Firestore and Pub/Sub off the network, and a throwaway key stands in for application default credentials.
 */
@QuarkusTest
@TestProfile(GcpModeWiringTest.AllGcp.class)
class GcpModeWiringTest {

    public static class AllGcp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // In gcp mode there is no local store to keep a generated admin token: it is configured
            // (PLATFORM_ADMIN_TOKEN).
            return Map.ofEntries(
                    Map.entry("platform.admin-token", "gcp-wiring-admin-token"),
                    Map.entry("platform.mode", "gcp"),
                    Map.entry("platform.gcp.project-id", "demo-project"),
                    // no Vertex AI here to ask whether the designer's model is served
                    Map.entry("platform.gcp.check-llm-model", "false"),
                    Map.entry("platform.gcp.firestore-emulator-host", "127.0.0.1:1"),
                    Map.entry("platform.gcp.pubsub-emulator-host", "127.0.0.1:1"),
                    Map.entry(
                            "platform.gcp.kms-key",
                            "projects/demo-project/locations/global/keyRings/capi/cryptoKeys/secrets"),
                    Map.entry(
                            "platform.queue.custom.service-account-email",
                            "tasks-invoker@demo-project.iam.gserviceaccount.com"),
                    Map.entry("platform.worker.auth", "oidc"),
                    Map.entry("platform.worker.oidc.audience", "https://custom-provisioner.example"),
                    Map.entry(
                            "platform.worker.oidc.service-account-email",
                            "tasks-invoker@demo-project.iam.gserviceaccount.com"));
        }
    }

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    TenantStore tenants;

    @Inject
    StepStore steps;

    @Inject
    ConversationStore conversations;

    @Inject
    JobQueue quickJobs;

    @Inject
    TaskQueue customJobs;

    @Inject
    EventPublisher events;

    @Inject
    Warehouse warehouse;

    @Inject
    ObjectStore objects;

    @Inject
    Crypto crypto;

    @Inject
    DataAgents agents;

    @Inject
    ChatAgent chat;

    @Inject
    DemoDesigner designer;

    private static Object adapter(Object bean) {
        return Guarded.targetOf(ClientProxy.unwrap(bean));
    }

    @Test
    void everyPortIsServedByItsGoogleAdapter() {
        assertThat(Files.isRegularFile(Path.of(System.getenv("GOOGLE_APPLICATION_CREDENTIALS"))))
                .isTrue();
        assertThat(adapter(jobs)).isInstanceOf(FirestoreJobStore.class);
        assertThat(adapter(demos)).isInstanceOf(FirestoreDemoStore.class);
        assertThat(adapter(tenants)).isInstanceOf(FirestoreTenantStore.class);
        assertThat(adapter(steps)).isInstanceOf(FirestoreStepStore.class);
        assertThat(adapter(conversations)).isInstanceOf(FirestoreConversationStore.class);
        assertThat(adapter(quickJobs)).isInstanceOf(PubSubJobQueue.class);
        assertThat(adapter(customJobs)).isInstanceOf(CloudTasksQueue.class);
        assertThat(adapter(events)).isInstanceOf(PubSubEventPublisher.class);
        assertThat(adapter(warehouse)).isInstanceOf(BigQueryWarehouse.class);
        assertThat(adapter(objects)).isInstanceOf(GcsObjectStore.class);
        assertThat(adapter(crypto)).isInstanceOf(KmsCrypto.class);
        assertThat(adapter(agents)).isInstanceOf(CapiDataAgents.class);
        assertThat(adapter(chat)).isInstanceOf(CapiChatAgent.class);
        assertThat(adapter(designer)).isInstanceOf(GeminiDemoDesigner.class);
    }

    @Test
    void theGoogleCallsGoThroughTheFaultToleranceGuard() {
        for (Object port : new Object[] {warehouse, objects, crypto, agents, chat, designer}) {
            assertThat(java.lang.reflect.Proxy.isProxyClass(
                            ClientProxy.unwrap(port).getClass()))
                    .as("%s", port)
                    .isTrue();
        }
    }
}
