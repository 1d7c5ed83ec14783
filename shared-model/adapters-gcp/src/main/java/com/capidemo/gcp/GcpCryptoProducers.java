package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.Crypto;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.crypto=kms: a Cloud KMS key, behind the fault-tolerance guard. */
@ApplicationScoped
public class GcpCryptoProducers {

    @Produces
    @ApplicationScoped
    @Adapter("kms")
    Crypto crypto(PlatformConfig config, Instance<KeyManagementServiceClient> kms, Instance<GcpCallGuard> guard) {
        String key = config.gcp()
                .kmsKey()
                .orElseThrow(() -> new IllegalStateException(
                        "platform.crypto=kms needs platform.gcp.kms-key (PLATFORM_GCP_KMS_KEY), e.g. "
                                + "projects/p/locations/global/keyRings/capi/cryptoKeys/secrets"));
        return Guarded.wrap(
                Crypto.class, new KmsCrypto(kms.get(), new KmsCrypto.Config(key)), "cloudkms", guard.get()::crypto);
    }
}
