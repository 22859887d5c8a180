# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = 清单：{ $article }
checklist-intro = 请按顺序完成各项。进度仅保存在此浏览器中。
checklist-fields = 记录
checklist-customer = 客户
checklist-date = 日期
checklist-operator = 操作人员
checklist-ticket = 工单
checklist-status-not-started = 未开始
checklist-status-in-progress = 进行中
checklist-status-completed = 已完成
checklist-status-cannot-start = 尚不能开始
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = 无需取消
checklist-status-nothing-to-suspend = 无需暂停
checklist-reset = 重置清单
checklist-print = 打印
checklist-download = 下载用于工单（Markdown）
checklist-open = 打开可打印的清单
checklist-back = 返回文章
checklist-panel-title = 清单
checklist-panel-intro = 在模拟器中练习时，清单会自动勾选。
checklist-waits-for = 需先完成：{ $items }
checklist-progress = 已完成 { $done } 项，共 { $total } 项
checklist-discarded = 无法读取已保存的进度，已将其丢弃。
checklist-item = 项目
checklist-status = 状态
checklist-see-article = 在文章中查看此步骤
checklist-substeps = 子步骤

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = { $customer } 的删除清单
checklist-cancel-reservation = 取消 Azure RI 预订**{ $name }**
checklist-cancel-software = 取消软件购买**{ $name }**
checklist-suspend-subscription = 暂停订阅**{ $name }**（{ $offer }）
checklist-remove-relationship = 删除与**{ $customer }**的分销商关系
checklist-nothing-to-suspend = 没有活动的订阅、预订或软件购买：只剩下删除关系。
