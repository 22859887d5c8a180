title = Suspend a subscription
description = How to suspend a subscription without losing its data.
intro = Suspending a subscription stops billing and keeps the customer's data, so you can reactivate it later.
step-open = Open **{ -ui-subscriptions }**.
step-select = Select the subscription you want to suspend.
step-suspend = Select **{ -ui-suspend }**, then confirm.
note = A suspended subscription can be reactivated for 90 days. See the [subscription lifecycle](https://learn.microsoft.com/partner-center/customers/subscription-lifecycle) for details.
