# Partner Center's user-interface labels, as the product shows them (Simplified Chinese).
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.
# Renderings taken from the zh-CN Partner Center articles (MicrosoftDocs/partner-center-pr.zh-cn).

-ui-partner-center = 合作伙伴中心
-ui-customers = 客户
-ui-subscriptions = 订阅
# Chosen: "已暂停" (the "In the Status section, choose Suspended" step and the button in
# create-a-new-subscription; the verb "暂停" is used in this article's step 1).
# Rejected: "挂起" (MT "选择 **挂起** 的" in remove-a-relationship).
-ui-suspended = 已暂停
-ui-active = 活动
-ui-account = 帐户
# Chosen: "删除分销商关系" (the "Select Remove reseller relationship" step and the NOTE).
# Rejected: "经销商" wording ("移除……经销商关系" in this article's heading).
-ui-remove-reseller-relationship = 删除分销商关系

## Roles

-role-global-admin = 全局管理员

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Azure 预留
-ui-software = 软件
-ui-cancelled = 已取消
-ui-cancel-reservation = 取消预留
-ui-cancel-purchase = 取消购买
-ui-add-subscription = 添加订阅
-ui-remove = 删除
-ui-cancel = 取消
-ui-status = 状态
-ui-quantity = 数量
