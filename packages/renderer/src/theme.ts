import type { ThemeProps } from '@rjsf/core';
import { ArrayFieldItemButtonsTemplate, ArrayFieldItemTemplate, ArrayFieldTemplate, TextButton } from './templates/array-field-template.tsx';
import { BaseInputTemplate } from './templates/base-input-template.tsx';
import { DescriptionField } from './templates/description-field.tsx';
import { FieldErrorTemplate, FieldHelpTemplate } from './templates/field-error-template.tsx';
import { FieldTemplate } from './templates/field-template.tsx';
import { ObjectFieldTemplate } from './templates/object-field-template.tsx';
import { TitleField } from './templates/title-field.tsx';
import { NoticeField } from './fields/notice-field.tsx';
import { ArrayFieldWithAttachments } from './widgets/attachment-widget.tsx';
import { CheckboxWidget } from './widgets/checkbox-widget.tsx';
import { CheckboxesWidget } from './widgets/checkboxes-widget.tsx';
import { RadioWidget } from './widgets/radio-widget.tsx';
import { SelectWidget } from './widgets/select-widget.tsx';
import { TextareaWidget } from './widgets/textarea-widget.tsx';

/** The accessible Samform theme for @rjsf/core 6: GOV.UK-style fields, fieldsets for groups, notices. */
export const samformTheme: ThemeProps = {
  templates: {
    FieldTemplate,
    ObjectFieldTemplate,
    ArrayFieldTemplate,
    ArrayFieldItemTemplate,
    ArrayFieldItemButtonsTemplate,
    BaseInputTemplate,
    DescriptionFieldTemplate: DescriptionField,
    TitleFieldTemplate: TitleField,
    FieldErrorTemplate,
    FieldHelpTemplate,
    // The page draws its own error summary (linked, focused); rjsf's list is never shown.
    ErrorListTemplate: () => null,
    ButtonTemplates: {
      // Our buttons live outside the rjsf form body (Back, Continue), so rjsf's submit is hidden.
      SubmitButton: () => null,
      AddButton: TextButton,
      RemoveButton: TextButton,
      CopyButton: TextButton,
      MoveUpButton: TextButton,
      MoveDownButton: TextButton,
      ClearButton: TextButton,
    },
  },
  widgets: { RadioWidget, CheckboxesWidget, CheckboxWidget, SelectWidget, TextareaWidget },
  // `"ui:kind": "attachment"` arrays are file uploads; every other array is rjsf's own.
  fields: { notice: NoticeField, ArrayField: ArrayFieldWithAttachments },
};
