# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Chinese text from MicrosoftDocs/partner-center-pr.zh-cn (live-sxs a8d5a0cb, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = 删除与客户的分销商关系
article-description = 了解 Microsoft 直销合作伙伴可以如何从他们的列表中删除客户、删除委派的管理员权限以及停止支持或购买客户。

## Article

heading = 如何在合作伙伴中心移除与客户的经销商关系
audience = { -role-global-admin }
intro = 本文介绍如何在合作伙伴中心删除与客户的分销商关系。
when-to-remove = 直接伙伴或间接提供商：如果你不再与客户约束力，可以删除合作伙伴中心的关系。
consequences = 删除关系会出现以下结果：
consequence-customer-list = 从你在合作伙伴中心的客户列表中删除相应客户
consequence-support-contacts = 将你从你的客户的 [可用支持联系人列表](assign-support-contacts.md) 中删除
consequence-admin-privileges = 删除你对相应客户的委派管理员权限
consequence-purchases = 阻止你为客户进行未来购买

remove-heading = 如何删除关系
prerequisites = 若要删除关系，你需要取消 Azure 保留实例 (RI) 保留、取消软件购买，并首先挂起所有剩余的活动订阅。
prereq-cancel-reservations = 取消 Azure 预留实例 (RI) 预订
prereq-cancel-software = 取消软件购买

step-suspend = **暂停任何活动订阅。**
step-suspend-go-to-customers = 从合作伙伴中心，前往 " **{ -ui-customers }** " 并选择一个客户
step-suspend-select-subscription = 在 " **{ -ui-subscriptions }**" 下，选择订阅。
step-suspend-select-suspended = 选择 **挂起** 的
step-suspend-repeat = 为每个活动订阅重复这些步骤。

step-remove = **删除合作伙伴中心的关系：**
step-remove-go-to-customers = 从合作伙伴中心，前往 " **{ -ui-customers }** " 并选择一个客户。
step-remove-select-account = 选择“帐户”。
step-remove-select-remove = 选择 " **{ -ui-remove-reseller-relationship }**"。
note-link-inactive = 如果任何订阅仍处于活动状态，则 " **{ -ui-remove-reseller-relationship }** " 链接将处于非活动状态。

next-steps = 后续步骤
next-request = 请求或重新建立与客户的关系
