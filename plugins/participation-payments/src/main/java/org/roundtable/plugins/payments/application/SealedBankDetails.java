package org.roundtable.plugins.payments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roundtable.api.security.SealedData;
import org.roundtable.plugins.payments.PaymentsPlugin;

/** Payees' bank details, resealed by the platform after a start when a key or format changes. */
@ApplicationScoped
public class SealedBankDetails implements SealedData {

  @Inject Payees payees;

  @Override
  public String pluginId() {
    return PaymentsPlugin.ID;
  }

  @Override
  public int resealOld(int limit) {
    return payees.resealOld(limit);
  }
}
