<#-- The licence key in the buyer's e-mails, text part (licence/LicenceKeyInMail). -->
<#macro part purchase>
${msg("licence.key")}: ${purchase.licenceKey}
${msg("mail.purchase.licenceKeyHint")}
</#macro>
