title = Abonnement anhalten
description = So halten Sie ein Abonnement an, ohne seine Daten zu verlieren.
intro = Wenn Sie ein Abonnement anhalten, endet die Abrechnung, und die Daten des Kunden bleiben erhalten, sodass Sie es später wieder aktivieren können.
step-open = Öffnen Sie **{ -ui-subscriptions }**.
step-select = Wählen Sie das Abonnement aus, das Sie anhalten möchten.
step-suspend = Wählen Sie **{ -ui-suspend }** aus, und bestätigen Sie.
note = Ein angehaltenes Abonnement kann 90 Tage lang wieder aktiviert werden. Weitere Informationen finden Sie unter [Lebenszyklus von Abonnements](https://learn.microsoft.com/partner-center/customers/subscription-lifecycle).
