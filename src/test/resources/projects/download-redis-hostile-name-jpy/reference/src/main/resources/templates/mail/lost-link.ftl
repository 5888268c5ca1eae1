<#-- The plain-text part of the "Lost your link?" e-mail (lostlink/, mail/LostLinkMail). Not HTML:
     nothing is escaped, so names read exactly as in the catalog. Change lost-link.ftlh with it. -->
${msg("mail.lostLink.intro", storeName)}
<#list purchases as purchase>

${purchase.itemName}<#if purchase.quantity != 1> x ${purchase.quantity}</#if>, ${purchase.total}
<#list purchase.additions as addition><#import "/" + addition + ".ftl" as feature><@feature.part purchase/></#list>
${msg("mail.receipt")}: ${purchase.receiptUrl}
${msg("purchase.reference")}: ${purchase.purchaseId}
</#list>

${msg("mail.lostLink.notYou")}
