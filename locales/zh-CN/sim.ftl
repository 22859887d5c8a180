# 在指定了场景集的文章中嵌入的合作伙伴中心模拟器 (Simplified Chinese).
# 界面标签使用 ui.ftl 中的术语，使模拟器与文章对控件的称呼一致。
# CLDR plural rules for zh have only the "other" category, so count messages need no selector.

## Frame

sim-title = 在模拟的{ -ui-partner-center }中演练
sim-intro = 使用示例客户演练此过程。在此处执行的任何操作都不会影响真实帐户。
sim-needs-javascript = 模拟器需要 JavaScript。即使没有 JavaScript，上面的文章也是完整的。
sim-scenario-label = 场景
sim-undo = 撤消
sim-reset = 重新开始
sim-goal-label = 目标：
sim-goal = 删除与 { $customer } 的分销商关系。
sim-goal-reached = 已达成目标：与 { $customer } 的分销商关系已删除。
sim-progress-label = 进度
sim-console-label = 模拟的{ -ui-partner-center }
sim-breadcrumb-label = 当前位置
sim-customer-nav-label = 客户页面
sim-nav-label = { -ui-partner-center }菜单
sim-storage-discarded = 无法读取已保存的进度（数据已损坏或来自旧版本），因此已将其丢弃。场景将从头开始。

## Differences from the real Partner Center

sim-differences-title = 与真实{ -ui-partner-center }的区别
sim-difference-reservations = 文章未说明在何处取消 Azure RI 预留。模拟器为每个客户虚构了一个“{ -ui-azure-reservations }”页面。
sim-difference-software = 文章未说明在何处取消软件购买。模拟器为每个客户虚构了一个“{ -ui-software }”页面。
sim-difference-purchases = 模拟器不会下单：“{ -ui-add-subscription }”仅显示是否允许购买。
sim-difference-simplified = 页面只显示此过程所需的内容，客户均为示例数据。

## Scenarios

sim-scenario-only-active-subscriptions = 仅有活动订阅
sim-scenario-only-active-subscriptions-brief = 两个订阅都处于活动状态：先暂停它们，再删除关系。
sim-scenario-azure-ri-reservation = 有 Azure RI 预留
sim-scenario-azure-ri-reservation-brief = 该客户除了一个订阅外，还有一个活动的 Azure 预留实例 (RI) 预留。
sim-scenario-software-purchase = 有软件购买
sim-scenario-software-purchase-brief = 该客户除了一个订阅外，还有一项活动的软件购买。
sim-scenario-several-customers = 多个客户，其中一个订阅已暂停
sim-scenario-several-customers-brief = 只删除目标中指定的客户；该客户的一个订阅已暂停。
sim-scenario-nothing-to-suspend = 没有需要暂停的订阅
sim-scenario-nothing-to-suspend-brief = 所有订阅都已暂停，因此可以直接转到帐户。
sim-scenario-everything-at-once = 全部情况
sim-scenario-everything-at-once-brief = 订阅、一个 Azure RI 预留和一项软件购买，另外还有一个客户。

## Pages

sim-customers-count = { $count } 个客户
sim-customers-empty = 此场景中没有客户。
sim-column-name = 名称
sim-column-offer = 产品/服务
sim-subscriptions-empty = 此客户没有订阅。
sim-reservations-empty = 此客户没有 Azure RI 预留。
sim-software-empty = 此客户没有软件购买。
sim-quantity-licenses = { $quantity } 个许可证
sim-quantity-instances = { $quantity } 个实例
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation }：{ $item }
sim-cancel-software-named = { -ui-cancel-purchase }：{ $item }
sim-account-relationship = 分销商关系
sim-relationship-active = 活动
sim-relationship-removed = 已删除
sim-account-admin = 委派管理员权限
sim-admin-granted = 已授予
sim-admin-removed = 已删除
sim-account-support = 支持联系人
sim-support-listed = 你已列为支持联系人
sim-support-removed = 你未列为支持联系人
sim-remove-inactive = 不可用：仍有 { $count } 个订阅处于“{ -ui-active }”状态。
sim-confirm-title = 删除与 { $customer } 的分销商关系？
sim-confirm-body = { $customer } 将从你的“{ -ui-customers }”列表中移除，你的委派管理员权限和支持联系人条目将被删除，并且你将无法再为此客户购买。

## Result

sim-summary-title = 已删除与 { $customer } 的分销商关系
sim-summary-customer-list = { $customer } 已不在你的“{ -ui-customers }”列表中。
sim-summary-admin = 你对 { $customer } 的委派管理员权限已删除。
sim-summary-support = 你不再是 { $customer } 的支持联系人。
sim-summary-purchases = 为 { $customer } 购买将被拒绝。试试看：
sim-summary-back = 返回“{ -ui-customers }”

## Outcomes (announced in a live region)

sim-announce-suspended = { $subscription } 现在处于“{ -ui-suspended }”状态。
sim-announce-reactivated = { $subscription } 已恢复为“{ -ui-active }”状态。
sim-announce-reservation-cancelled = 预留 { $item } 现在处于“{ -ui-cancelled }”状态。
sim-announce-software-cancelled = 软件购买 { $item } 现在处于“{ -ui-cancelled }”状态。
sim-announce-removed = 与 { $customer } 的分销商关系已删除。
sim-announce-purchase = 现在可以为 { $customer } 购买。模拟器不会下单。
sim-announce-undo = 已撤消上一个操作。
sim-announce-reset = 场景已重新开始。

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = 暂时无法执行
sim-fix-label = 解决方法：
sim-reason-unknown-customer = 此客户不属于该场景。
sim-reason-unknown-item = 此项不属于该场景。
sim-reason-relationship-removed = 与 { $customer } 的分销商关系已删除：你不能再为此客户执行操作或购买。
sim-reason-already-suspended = { $subscription } 已处于“{ -ui-suspended }”状态。
sim-reason-already-active = { $subscription } 已处于“{ -ui-active }”状态。
sim-reason-already-cancelled = { $item } 已处于“{ -ui-cancelled }”状态。
sim-reason-active-subscriptions = { $customer } 仍有 { $count } 个活动订阅。
sim-reason-active-reservations = { $customer } 仍有 { $count } 个活动的 Azure RI 预留。
sim-reason-active-software = { $customer } 仍有 { $count } 项活动的软件购买。
sim-fix-no-active-subscriptions = 步骤 1：暂停所有活动订阅
sim-fix-no-active-reservations = 开始之前：取消 Azure RI 预留
sim-fix-no-active-software = 开始之前：取消软件购买
sim-fix-removal-allowed = 如何删除关系
sim-fix-relationship-removed = 步骤 2：删除关系
sim-fix-not-in-customer-list = 步骤 2：删除关系
sim-fix-no-delegated-admin = 步骤 2：删除关系
sim-fix-not-support-contact = 步骤 2：删除关系
sim-fix-purchases-refused = 步骤 2：删除关系

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = 模式
sim-mode-practice = 练习
sim-mode-assessment = 考核
sim-assess-intro = 考核：场景相同，但没有提示，也不能撤消。如果你达成目标时的错误（被拒绝或不必要的操作）不超过 { $allowed } 个，即为通过。
sim-assess-refused = 已拒绝。
sim-assess-finish = 结束本次尝试
sim-assess-not-recorded = 你的结果只显示在此页面上，不会记录到任何地方。
sim-assess-recorded = 你的结果将发送到你的学习管理系统。
sim-result-title = 你的结果
sim-result-passed = 通过
sim-result-failed = 未通过
sim-result-score = 得分
sim-result-mastery = 通过所需
sim-result-mistakes = 错误
sim-result-allowed = （最多允许 { $allowed } 个）
sim-result-time = 用时
sim-result-goal-not-reached = 未达成目标。
sim-result-mistakes-title = 你的错误
sim-result-no-mistakes = 你没有犯任何错误。
sim-result-refused = 已拒绝
sim-result-unnecessary = 不必要
sim-result-step = 步骤：
sim-result-no-step = 此过程中没有任何步骤要求执行此操作。
sim-result-practise = 练习此场景
sim-result-retry = 重新参加考核

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = 没有处于“{ -ui-active }”状态的订阅
sim-condition-no-active-reservations = 没有活动的 Azure RI 预留
sim-condition-no-active-software = 没有活动的软件购买
sim-condition-removal-allowed = “{ -ui-remove-reseller-relationship }”可用
sim-condition-relationship-removed = 分销商关系已删除
sim-condition-not-in-customer-list = 该客户已不在你的“{ -ui-customers }”列表中
sim-condition-no-delegated-admin = 你的委派管理员权限已删除
sim-condition-not-support-contact = 你不再是支持联系人
sim-condition-purchases-refused = 为该客户购买将被拒绝
sim-action-suspend-subscription = 暂停订阅
sim-action-reactivate-subscription = 重新激活订阅
sim-action-cancel-reservation = 取消 Azure RI 预留
sim-action-cancel-software = 取消软件购买
sim-action-remove-relationship = 删除分销商关系
sim-action-purchase = 为客户购买
