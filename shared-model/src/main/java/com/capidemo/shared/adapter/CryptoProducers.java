package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.GcpCallGuard;
import com.capidemo.shared.adapter.gcp.Guarded;
import com.capidemo.shared.adapter.gcp.KmsCrypto;
import com.capidemo.shared.adapter.local.TinkCrypto;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.port.Crypto;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.crypto (tink | kms): the local Tink keyset, created on first use, or a Cloud KMS key. */
@ApplicationScoped
public class CryptoProducers {

    @Produces
    @ApplicationScoped
    Crypto crypto(AdapterSelection selection, AdapterConfig config, Instance<TinkCrypto> tink,
                  Instance<KeyManagementServiceClient> kms, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.CRYPTO)) {
            return tink.get();
        }
        String key = config.gcp().kmsKey().orElseThrow(() -> new IllegalStateException(
                "platform.crypto=kms needs platform.gcp.kms-key (PLATFORM_GCP_KMS_KEY), e.g. "
                        + "projects/p/locations/global/keyRings/capi/cryptoKeys/secrets"));
        return Guarded.wrap(Crypto.class, new KmsCrypto(kms.get(), new KmsCrypto.Config(key)), guard.get()::crypto);
    }
}
