# remove-a-relationship: zh-CN translation, imported from the DocFX file `remove-a-relationship.md`
# (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = 删除与客户的分销商关系
article-description = 了解 Microsoft 直销合作伙伴可以如何从他们的列表中删除客户、删除委派的管理员权限以及停止支持或购买客户。
heading = 如何在合作伙伴中心移除与客户的经销商关系
audience = { -role-global-admin }
this-article-describes-how-to = 本文介绍如何在合作伙伴中心删除与客户的分销商关系。
direct-partners-or-indirect-providers = 直接伙伴或间接提供商：如果你不再与客户约束力，可以删除合作伙伴中心的关系。
removing-a-relationship-has-the = 删除关系会出现以下结果：
removes-the-customer-from-your = 从你在合作伙伴中心的客户列表中删除相应客户
removes-you-from-the-list = 将你从你的客户的 [可用支持联系人列表](assign-support-contacts.md) 中删除
removes-your-delegation-admin-privileges = 删除你对相应客户的委派管理员权限
prevents-you-from-making-future = 阻止你为客户进行未来购买
how-to-remove-a-relationship = 如何删除关系
to-remove-the-relationship-you = 若要删除关系，你需要取消 Azure 保留实例 (RI) 保留、取消软件购买，并首先挂起所有剩余的活动订阅。
suspend-any-active-subscriptions = **暂停任何活动订阅。**
from-the-partner-center-go = 从合作伙伴中心，前往 " **{ -ui-customers }** " 并选择一个客户
under-subscriptions-select-a-subscription = 在 " **{ -ui-subscriptions }**" 下，选择订阅。
select-suspended = 选择 **挂起** 的
repeat-these-steps-for-each = 为每个活动订阅重复这些步骤。
remove-the-relationship-in-partner = **删除合作伙伴中心的关系：**
from-the-partner-center-go-2 = 从合作伙伴中心，前往 " **{ -ui-customers }** " 并选择一个客户。
select-the-account = 选择“帐户”。
select-remove-reseller-relationship = 选择 " **{ -ui-remove-reseller-relationship }**"。
if-any-subscriptions-are-still = 如果任何订阅仍处于活动状态，则 " **{ -ui-remove-reseller-relationship }** " 链接将处于非活动状态。
next-steps = 后续步骤
next-request-or-re-establish-a = 请求或重新建立与客户的关系
