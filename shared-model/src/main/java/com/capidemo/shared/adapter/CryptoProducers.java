package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.local.TinkCrypto;
import com.capidemo.shared.port.Crypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.crypto (tink | kms); only the local Tink keyset is wired yet, created on first use. */
@ApplicationScoped
public class CryptoProducers {

    @Produces
    @ApplicationScoped
    Crypto crypto(AdapterSelection selection, Instance<TinkCrypto> tink) {
        return selection.localOnly(Port.CRYPTO, tink);
    }
}
