# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Chinese text from MicrosoftDocs/partner-center-pr.zh-cn (live-sxs a8d5a0cb, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = 删除与客户的分销商关系
article-description = 了解 Microsoft 直销合作伙伴可以如何从他们的列表中删除客户、删除委派的管理员权限以及停止支持或购买客户。

## Article

heading = 了解如何删除客户的分销商关系
audience = { -role-global-admin }
intro = 直接合作伙伴：如果你不再与某一客户交易，可以在合作伙伴中心删除关系。
when-to-remove = 直接合作伙伴或间接提供商：如果你不再与某个客户进行交易，可以在合作伙伴中心删除该关系。
consequences = 删除关系会出现以下结果：
consequence-customer-list = 从你在合作伙伴中心的客户列表中删除相应客户
consequence-support-contacts = 从客户的[可用客户支持联系人列表](assign-support-contacts.md)中将你删除
consequence-admin-privileges = 删除你对相应客户的委派管理员权限
consequence-purchases = 阻止你为客户进行未来购买

remove-heading = 如何删除关系
prerequisites = 若要删除关系，你首先需要取消 Azure RI 预订、取消软件购买，并暂停任何其余的活动订阅：
prereq-cancel-reservations = 取消 Azure 预留实例 (RI) 预订
prereq-cancel-software = 取消软件购买

step-suspend = **暂停所有活动订阅。**
step-suspend-go-to-customers = 暂停任何活动订阅。 从 "合作伙伴中心"，请前往 "**{ -ui-customers }**" > 选择 "客户 >**{ -ui-subscriptions }**" > 选择 ">**挂起**的订阅"。
step-suspend-select-subscription = 在**{ -ui-subscriptions }**下，选择一个订阅。
step-suspend-select-suspended = 选择**{ -ui-suspended }**
step-suspend-repeat = 为每个活动订阅重复这些步骤。

step-remove = 删除合作伙伴中心的关系：在合作伙伴中心，转到 "**{ -ui-customers }**" > 选择客户 >**{ -ui-account }** > "**{ -ui-remove-reseller-relationship }**"。
step-remove-go-to-customers = 在合作伙伴中心，转到**{ -ui-customers }**并选择一个客户。
step-remove-select-account = 选择**{ -ui-account }**。
step-remove-select-remove = 选择**{ -ui-remove-reseller-relationship }**。
note-link-inactive = 如果任何订阅仍处于活动状态，则 "**{ -ui-remove-reseller-relationship }**" 链接将处于非活动状态。

next-steps = 请参阅
next-request = 请求或重新建立与客户的关系
